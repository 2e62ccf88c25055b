namespace Platform.ControlPlane.Commands;

/// <summary>The control plane's one-shot commands: the migrator and config as code.</summary>
internal static class CommandRunner
{
    public const int Usage = 64;

    public static async Task<int> RunAsync(IServiceProvider services, string command, string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return command switch
        {
            "migrate" => await MigrateCommand.RunAsync(services, cancel.Token),
            "config" => await ConfigCommand.RunAsync(services, args, cancel.Token),
            _ => PrintUsage($"unknown command '{command}'"),
        };
    }

    public static int PrintUsage(string problem)
    {
        Console.Error.WriteLine($"controlplane: {problem}");
        Console.Error.WriteLine("""
            usage:
              controlplane                                  run the control plane (API, dashboard, jobs)
              controlplane migrate                          create or upgrade the database
              controlplane config apply <file.yaml> [--dry-run] [--allow-plaintext-keys]
              controlplane config export <tenant-slug> [--out <file.yaml>]
            """);
        return Usage;
    }
}
