namespace Platform.ControlPlane.Commands;

/// <summary>
/// Splits <c>controlplane [command words and flags] [--Key=Value ...]</c>: a first word that is
/// not an option names a command; <c>--Key=Value</c> pairs always go to host configuration.
/// </summary>
internal sealed record CommandLine(string? Command, string[] CommandArgs, string[] HostArgs)
{
    public static CommandLine Parse(string[] args)
    {
        var hostArgs = args.Where(IsConfigOverride).ToArray();
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new CommandLine(null, [], args);
        }

        var commandArgs = args.Skip(1).Where(a => !IsConfigOverride(a)).ToArray();

        // A command's output is its report; host chatter below warnings would bury it.
        string[] quiet = ["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft=Warning"];
        return new CommandLine(args[0], commandArgs, [.. quiet, .. hostArgs]);
    }

    private static bool IsConfigOverride(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);
}
