using Platform.Shared.Config;

namespace Platform.ControlPlane.Commands;

/// <summary>
/// <c>config apply &lt;file&gt;</c> and <c>config export &lt;tenant&gt;</c>: config as code.
/// A bad file prints every error as <c>file:line:col: message</c> and changes nothing.
/// </summary>
internal static class ConfigCommand
{
    public const int Invalid = 1;

    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct) => args switch
    {
        ["apply", var file, .. var flags] => ApplyAsync(services, file, flags, ct),
        ["export", var tenant, .. var flags] => ExportAsync(services, tenant, flags, ct),
        _ => Task.FromResult(CommandRunner.PrintUsage("config needs 'apply <file>' or 'export <tenant>'")),
    };

    private static async Task<int> ApplyAsync(IServiceProvider services, string file, string[] flags, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"config apply: file not found: {file}");
            return Invalid;
        }

        var parsed = await ConfigParser.ParseFileAsync(file, Environment.GetEnvironmentVariable, ct);
        if (!parsed.Succeeded)
        {
            return PrintErrors(parsed.Errors);
        }

        var options = new ConfigApplyOptions
        {
            DryRun = flags.Contains("--dry-run"),
            AllowPlaintextKeys = flags.Contains("--allow-plaintext-keys"),
        };
        var result = await services.GetRequiredService<ConfigApplier>().ApplyAsync(parsed.Document!, options, ct);
        if (!result.Succeeded)
        {
            return PrintErrors(result.Errors);
        }

        var verb = options.DryRun ? "would apply" : "applied";
        Console.WriteLine(result.HasChanges
            ? $"config: {verb} {result.Changes.Count} change(s) from {file}:"
            : $"config: no changes ({file} matches the database).");
        foreach (var change in result.Changes)
        {
            Console.WriteLine($"  {change}");
        }

        foreach (var key in result.GeneratedKeys)
        {
            Console.WriteLine($"  new API key {key.Tenant}/{key.Name}: {key.Key}   (shown once)");
        }

        return 0;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string tenant, string[] flags, CancellationToken ct)
    {
        var yaml = await services.GetRequiredService<ConfigExporter>().ExportAsync(tenant, ct);
        if (yaml is null)
        {
            Console.Error.WriteLine($"config export: no tenant '{tenant}'.");
            return Invalid;
        }

        var outIndex = Array.IndexOf(flags, "--out");
        if (outIndex >= 0 && outIndex + 1 < flags.Length)
        {
            await File.WriteAllTextAsync(flags[outIndex + 1], yaml, ct);
            Console.WriteLine($"config: exported tenant '{tenant}' to {flags[outIndex + 1]}");
        }
        else
        {
            Console.Write(yaml);
        }

        return 0;
    }

    private static int PrintErrors(IReadOnlyList<ConfigError> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error.ToString());
        }

        Console.Error.WriteLine($"config: {errors.Count} error(s); nothing was changed.");
        return Invalid;
    }
}
