using System.Globalization;
using Microsoft.AspNetCore.Http;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Routing;

/// <summary>
/// Routing limits one call adds on top of its route's (the stricter wins), from request headers:
/// <list type="table">
/// <item><term><c>x-platform-region</c></term><description>data residency, e.g. <c>eu</c>: only models in that region (or a sub-region such as <c>eu-west-1</c>).</description></item>
/// <item><term><c>x-platform-sensitivity</c></term><description><c>private</c> (or <c>private_only</c>): only private providers or in-region ones; <c>redact</c>: PII redaction.</description></item>
/// <item><term><c>x-platform-customer-facing</c></term><description><c>true</c>/<c>1</c>: only models approved for customer-facing traffic.</description></item>
/// <item><term><c>x-platform-max-latency-ms</c></term><description>skip models whose observed average latency is above it (models not yet measured stay).</description></item>
/// </list>
/// </summary>
internal readonly record struct CallConstraints
{
    public const string RegionHeader = "x-platform-region";
    public const string SensitivityHeader = "x-platform-sensitivity";
    public const string CustomerFacingHeader = "x-platform-customer-facing";
    public const string MaxLatencyHeader = "x-platform-max-latency-ms";

    public static CallConstraints None => default;

    public string? Region { get; init; }

    public Sensitivity Sensitivity { get; init; }

    public bool CustomerFacing { get; init; }

    public int? MaxLatencyMs { get; init; }

    /// <summary>False with a caller-facing <paramref name="error"/> (a 400) when a header holds a value it cannot mean.</summary>
    public static bool TryFromHeaders(IHeaderDictionary headers, out CallConstraints constraints, out string? error)
    {
        ArgumentNullException.ThrowIfNull(headers);
        constraints = default;
        error = null;

        var region = Single(headers, RegionHeader);
        var sensitivity = Sensitivity.None;
        var sensitivityText = Single(headers, SensitivityHeader);
        if (sensitivityText is not null && !TryParseSensitivity(sensitivityText, out sensitivity))
        {
            error = $"header {SensitivityHeader} must be 'private', 'redact' or 'none'";
            return false;
        }

        var customerFacing = false;
        var customerText = Single(headers, CustomerFacingHeader);
        if (customerText is not null && !TryParseFlag(customerText, out customerFacing))
        {
            error = $"header {CustomerFacingHeader} must be 'true' or 'false'";
            return false;
        }

        int? maxLatency = null;
        var latencyText = Single(headers, MaxLatencyHeader);
        if (latencyText is not null)
        {
            if (!int.TryParse(latencyText, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms <= 0)
            {
                error = $"header {MaxLatencyHeader} must be a positive number of milliseconds";
                return false;
            }

            maxLatency = ms;
        }

        constraints = new CallConstraints
        {
            Region = region,
            Sensitivity = sensitivity,
            CustomerFacing = customerFacing,
            MaxLatencyMs = maxLatency,
        };
        return true;
    }

    private static string? Single(IHeaderDictionary headers, string name)
    {
        var value = headers[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    private static bool TryParseSensitivity(string text, out Sensitivity sensitivity)
    {
        sensitivity = text.ToLowerInvariant() switch
        {
            "private" or "private_only" or "privateonly" => Sensitivity.PrivateOnly,
            "redact" => Sensitivity.Redact,
            "none" => Sensitivity.None,
            _ => (Sensitivity)(-1),
        };
        return sensitivity >= 0;
    }

    private static bool TryParseFlag(string text, out bool flag)
    {
        flag = text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return flag || text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
