using Platform.DataPlane.Caching;
using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Endpoints;

/// <summary>The headers that let on-call reconstruct a call from the response alone.</summary>
internal static class ResponseHeaders
{
    public const string RequestId = "x-request-id";
    public const string Route = "x-platform-route";
    public const string Provider = "x-platform-provider";
    public const string Model = "x-platform-model";
    public const string Attempts = "x-platform-attempts";
    public const string Fallbacks = "x-platform-fallbacks";
    public const string Cache = "x-platform-cache";
    public const string Degraded = "x-platform-degraded";
    public const string BudgetWarning = "x-platform-budget-warning";
    public const string BudgetDowngraded = "x-platform-budget-downgraded";

    public static void Write(HttpResponse response, CallContext call, ModelPolicy? model, int attempts, int fallbacks, bool degraded)
    {
        var headers = response.Headers;
        if (call.Decision?.RouteName is { } route)
        {
            headers[Route] = route;
        }

        if (model is not null)
        {
            headers[Provider] = model.Provider.Name;
            headers[Model] = model.UpstreamId;
        }

        headers[Attempts] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[Fallbacks] = fallbacks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[Cache] = call.Cache switch
        {
            CacheOutcome.Hit => "hit",
            CacheOutcome.Miss => "miss",
            CacheOutcome.Bypass => "bypass",
            _ => "none",
        };
        if (degraded)
        {
            headers[Degraded] = "true";
        }
    }
}
