using System.Globalization;
using Platform.DataPlane.Endpoints;

namespace Platform.DataPlane.Limits;

/// <summary>
/// The rate-limit step of a call, after its input tokens are estimated: headers on every response
/// of a limited key or tenant, and a 429 <c>rate_limit_exceeded</c> in the caller's format, with
/// <c>Retry-After</c> (seconds until the window ends), when a limit is reached.
/// </summary>
internal sealed class RateLimitAdmission(RateLimiter limiter)
{
    public const string Code = "rate_limit_exceeded";

    /// <returns>False when the call was refused and answered here.</returns>
    public ValueTask<bool> AdmitAsync(HttpContext context, CallContext call)
    {
        var verdict = limiter.Check(call.Key!, call.Tenant!);
        if (!verdict.Limited)
        {
            return ValueTask.FromResult(true);
        }

        RateLimitHeaders.Write(context.Response.Headers, verdict);
        return verdict.Admitted ? ValueTask.FromResult(true) : RefuseAsync(context, call.Dialect, verdict);
    }

    private static async ValueTask<bool> RefuseAsync(HttpContext context, Dialect dialect, RateVerdict verdict)
    {
        context.Response.Headers.RetryAfter = verdict.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        await ErrorResponses.WriteAsync(context, dialect, StatusCodes.Status429TooManyRequests, Message(verdict), Code);
        return false;
    }

    public static string Message(in RateVerdict verdict)
    {
        var (scope, unit) = verdict.Refusal switch
        {
            RateRefusal.KeyRequests => ("this API key", "requests"),
            RateRefusal.KeyTokens => ("this API key", "tokens"),
            RateRefusal.TenantRequests => ("this tenant", "requests"),
            _ => ("this tenant", "tokens"),
        };
        return $"Rate limit reached for {scope}: {verdict.RefusedLimit} {unit} per minute. Retry after {verdict.ResetSeconds} s.";
    }
}
