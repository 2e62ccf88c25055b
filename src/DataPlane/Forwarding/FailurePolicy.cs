using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Forwarding;

/// <summary>
/// What a failed attempt leads to. A tenant's policy picks the classes that retry and fall back,
/// within invariants no policy can lift: the same request cannot succeed on a retry after
/// bad_request, content_filter, context_length or auth; and a 400 or a content refusal never
/// goes to another model (it would fail there too, or launder a refusal).
/// </summary>
internal static class FailurePolicy
{
    public static bool MayRetry(FallbackRules rules, UpstreamException error) =>
        !error.CircuitOpen
        && error.ErrorClass is not (ErrorClass.BadRequest or ErrorClass.ContentFilter or ErrorClass.ContextLength or ErrorClass.Auth)
        && rules.RetryOn.Contains(error.ErrorClass)
        && (error.RetryAfter is null || error.RetryAfter <= RetryPipelines.MaxHonouredRetryAfter);

    public static bool MayFallBack(FallbackRules rules, UpstreamException error) =>
        error.CircuitOpen
        || (error.ErrorClass is not (ErrorClass.BadRequest or ErrorClass.ContentFilter) && rules.FallbackOn.Contains(error.ErrorClass));
}
