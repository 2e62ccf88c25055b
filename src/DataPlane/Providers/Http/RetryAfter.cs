using System.Globalization;
using System.Net.Http.Headers;

namespace Platform.DataPlane.Providers.Http;

/// <summary>
/// How long a 429 (or 503) asks us to wait: <c>retry-after-ms</c> (OpenAI, Azure) first, then <c>Retry-After</c>
/// as delta-seconds or an HTTP date (RFC 9110 §10.2.3).
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? Parse(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("retry-after-ms", out var values))
        {
            foreach (var value in values)
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && double.IsFinite(ms))
                {
                    return TimeSpan.FromMilliseconds(ms);
                }
            }
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return null;
    }
}
