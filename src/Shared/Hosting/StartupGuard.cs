using Microsoft.Extensions.Configuration;

namespace Platform.Shared.Hosting;

/// <summary>
/// Checks configuration before the host is built, so a bad setting stops start-up with one clear
/// message and exit code 2 instead of a stack trace from deep inside the host.
/// </summary>
public static class StartupGuard
{
    public const int ConfigurationErrorExitCode = 2;

    /// <returns>True when the configuration is usable; otherwise the errors were written to stderr.</returns>
    public static bool ValidateConfiguration(IConfiguration configuration, string processName)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var errors = options.Validate().ToList();
        if (OutboundAddressPolicy.ValidationError(configuration) is { } outbound)
        {
            errors.Add(outbound);
        }

        foreach (var error in errors)
        {
            Console.Error.WriteLine($"{processName}: configuration error: {error}");
        }

        return errors.Count == 0;
    }
}
