namespace Platform.ControlPlane.Commands;

/// <summary><c>config apply</c> and <c>config export</c>: config as code.</summary>
internal static class ConfigCommand
{
    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        _ = services;
        _ = ct;
        return Task.FromResult(CommandRunner.PrintUsage(args.Length == 0 ? "config needs a verb" : $"config {args[0]} is not available yet"));
    }
}
