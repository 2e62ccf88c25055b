namespace Platform.DataPlane.Forwarding;

/// <summary>An upstream attempt failed; carries the normalized class and what the provider said.</summary>
internal sealed class UpstreamException(
    ErrorClass errorClass,
    string message,
    int? status = null,
    TimeSpan? retryAfter = null,
    Exception? inner = null,
    bool circuitOpen = false) : Exception(message, inner)
{
    /// <summary>The candidate was skipped because its circuit is open: never retried, always fallen back from.</summary>
    public bool CircuitOpen { get; } = circuitOpen;

    public ErrorClass ErrorClass { get; } = errorClass;

    /// <summary>The upstream HTTP status, when there was a response.</summary>
    public int? Status { get; } = status;

    /// <summary>The provider's Retry-After, honoured by the retry backoff.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
