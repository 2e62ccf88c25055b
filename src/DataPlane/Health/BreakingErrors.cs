using Platform.DataPlane.Forwarding;

namespace Platform.DataPlane.Health;

/// <summary>
/// Which failures count against a deployment's breaker: the ones that say "this upstream is
/// unwell" (timeouts, connection faults, 429, 5xx, overload, garbage bodies, broken streams).
/// A bad request, a content refusal, a context-length error or an auth error is the caller's or
/// the configuration's problem; opening the circuit for it would punish a healthy upstream.
/// </summary>
internal static class BreakingErrors
{
    public static bool IsBreaking(ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.Timeout or ErrorClass.Connection or ErrorClass.RateLimited or ErrorClass.ServerError
            or ErrorClass.Overloaded or ErrorClass.MalformedResponse or ErrorClass.StreamBroken => true,
        _ => false,
    };

    /// <summary>
    /// Adapters are expected to throw <see cref="UpstreamException"/>; a raw socket or timeout
    /// exception that slipped through still counts. Cancellation never does: it is the caller
    /// (or a hedge that lost) walking away, not the upstream failing.
    /// </summary>
    public static bool IsBreaking(Exception exception) => exception switch
    {
        UpstreamException upstream => IsBreaking(upstream.ErrorClass),
        OperationCanceledException => false,
        HttpRequestException or TimeoutException or IOException => true,
        _ => false,
    };
}
