using System.Globalization;

namespace Platform.DataPlane.Limits;

/// <summary>OpenAI's rate-limit headers, for the tightest scope of each kind that has a limit.</summary>
internal static class RateLimitHeaders
{
    public const string LimitRequests = "x-ratelimit-limit-requests";
    public const string RemainingRequests = "x-ratelimit-remaining-requests";
    public const string ResetRequests = "x-ratelimit-reset-requests";
    public const string LimitTokens = "x-ratelimit-limit-tokens";
    public const string RemainingTokens = "x-ratelimit-remaining-tokens";
    public const string ResetTokens = "x-ratelimit-reset-tokens";

    // A window is one minute: "1s" .. "60s", made once rather than per response.
    private static readonly string[] Resets = [.. Enumerable.Range(0, 61).Select(s => s.ToString(CultureInfo.InvariantCulture) + "s")];

    public static void Write(IHeaderDictionary headers, in RateVerdict verdict)
    {
        var reset = Resets[Math.Clamp(verdict.ResetSeconds, 1, 60)];
        if (verdict.RequestLimit > 0)
        {
            headers[LimitRequests] = verdict.RequestLimit.ToString(CultureInfo.InvariantCulture);
            headers[RemainingRequests] = verdict.RemainingRequests.ToString(CultureInfo.InvariantCulture);
            headers[ResetRequests] = reset;
        }

        if (verdict.TokenLimit > 0)
        {
            headers[LimitTokens] = verdict.TokenLimit.ToString(CultureInfo.InvariantCulture);
            headers[RemainingTokens] = verdict.RemainingTokens.ToString(CultureInfo.InvariantCulture);
            headers[ResetTokens] = reset;
        }
    }
}
