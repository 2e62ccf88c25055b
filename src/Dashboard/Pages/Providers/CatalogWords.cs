using System.Globalization;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Providers;

/// <summary>How the providers page writes numbers, prices, health and connection tests.</summary>
public static class CatalogWords
{
    public static string Tokens(int tokens) => tokens.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>USD per one million tokens.</summary>
    public static string PerMillion(decimal usd) => "$" + usd.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Ms(int? ms) => ms is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) + " ms" : "—";

    public static string Percent(double rate) => rate.ToString("0.#%", CultureInfo.InvariantCulture);

    public static string Time(DateTime at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string When(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The circuit as usage shows it, never claiming more than it knows: "open (seen 10:42, inferred)".</summary>
    public static string Circuit(CircuitView circuit) =>
        circuit.State + (circuit.Since is { } since ? $" (seen {Time(since)}" + (circuit.Inferred ? ", inferred)" : ")") : circuit.Inferred ? " (inferred)" : "");

    /// <summary>
    /// A short class for a failed connection test, from what the test answered: the API's result has
    /// the status and a sentence, and the class is what a person scans a column for.
    /// </summary>
    public static string TestClass(ProviderTestResult result) => result switch
    {
        { Ok: true } => "ok",
        { Status: 401 or 403 } => "auth",
        { Status: 404 or 405 } => "not_found",
        { Status: 429 } => "rate_limited",
        { Status: >= 500 } => "server_error",
        { Status: not null } => "http_" + result.Status.Value.ToString(CultureInfo.InvariantCulture),
        { Error: { } error } when error.StartsWith("No answer", StringComparison.Ordinal) => "timeout",
        { Error: { } error } when error.Contains("credential", StringComparison.Ordinal) => "credential",
        _ => "connection",
    };

    public static string Test(ProviderTestResult result) =>
        result.Ok
            ? $"ok · {result.LatencyMs.ToString("N0", CultureInfo.InvariantCulture)} ms"
            : $"{TestClass(result)}: {result.Error} · {result.LatencyMs.ToString("N0", CultureInfo.InvariantCulture)} ms";
}
