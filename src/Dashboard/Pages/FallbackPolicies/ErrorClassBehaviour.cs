namespace Platform.Dashboard.Pages.FallbackPolicies;

/// <summary>What a policy does with one error class, as its <c>retryOn</c> and <c>fallbackOn</c> lists store it.</summary>
public enum ErrorClassBehaviour
{
    /// <summary>In neither list: the error goes back to the caller at once.</summary>
    ReturnToCaller,

    /// <summary>In <c>retryOn</c> only: retried on the same model, then returned.</summary>
    Retry,

    /// <summary>In <c>fallbackOn</c> only: the next candidate at once (for <c>context_length</c>, only a larger-context one).</summary>
    FallBack,

    /// <summary>In both: retried on the same model, then the next candidate.</summary>
    RetryThenFallBack,
}
