using Platform.Shared.Config;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.FallbackPolicies;

/// <summary>
/// The rows of the error-class matrix and the invariants the data plane enforces whatever a policy
/// says (README, "Routing and fallbacks"; <c>FailurePolicy</c> in the data plane): context_length and
/// auth are never retried (the same request cannot succeed), context_length falls back only to a
/// model with a larger context window, and bad_request and content_filter always go back to the
/// caller, so a policy cannot even name those two.
/// </summary>
public static class ErrorClassRows
{
    public const string ContextLength = "context_length";

    /// <summary>Never in a policy's lists: returned to the caller at once, always.</summary>
    public static readonly IReadOnlyList<string> AlwaysReturned = ["content_filter", "bad_request"];

    /// <summary>Every class in the README's order: the configurable ones, then the two always returned.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "timeout", "connection", "rate_limited", "server_error", "overloaded", ContextLength,
        "content_filter", "bad_request", "auth", "malformed_response", "stream_broken",
    ];

    /// <summary>The classes a policy may list, in the config format's order.</summary>
    public static IReadOnlyList<string> Configurable => ConfigVocabulary.ErrorClasses;

    private static readonly HashSet<string> NeverRetried = [ContextLength, "auth"];

    public static bool IsConfigurable(string errorClass) => Configurable.Contains(errorClass);

    public static ErrorClassBehaviour Of(FallbackPolicyView policy, string errorClass) =>
        Of(policy.RetryOn.Contains(errorClass), policy.FallbackOn.Contains(errorClass));

    public static ErrorClassBehaviour Of(bool retries, bool fallsBack) => (retries, fallsBack) switch
    {
        (true, true) => ErrorClassBehaviour.RetryThenFallBack,
        (true, false) => ErrorClassBehaviour.Retry,
        (false, true) => ErrorClassBehaviour.FallBack,
        _ => ErrorClassBehaviour.ReturnToCaller,
    };

    public static bool Retries(ErrorClassBehaviour behaviour) =>
        behaviour is ErrorClassBehaviour.Retry or ErrorClassBehaviour.RetryThenFallBack;

    public static bool FallsBack(ErrorClassBehaviour behaviour) =>
        behaviour is ErrorClassBehaviour.FallBack or ErrorClassBehaviour.RetryThenFallBack;

    /// <summary>Whether the data plane would act on <paramref name="behaviour"/> for the class; a stored retry it ignores is still shown as stored.</summary>
    public static bool Honoured(string errorClass, ErrorClassBehaviour behaviour) =>
        !(Retries(behaviour) && NeverRetried.Contains(errorClass));

    /// <summary>The choices the editor offers for a class, in the order they are shown.</summary>
    public static IReadOnlyList<ErrorClassBehaviour> Choices { get; } =
        [ErrorClassBehaviour.RetryThenFallBack, ErrorClassBehaviour.Retry, ErrorClassBehaviour.FallBack, ErrorClassBehaviour.ReturnToCaller];

    public static string Label(string errorClass, ErrorClassBehaviour behaviour) => behaviour switch
    {
        ErrorClassBehaviour.RetryThenFallBack => errorClass == ContextLength ? "Retry, then larger-context model" : "Retry, then fall back",
        ErrorClassBehaviour.Retry => "Retry, then return",
        ErrorClassBehaviour.FallBack => errorClass == ContextLength ? "Larger-context model only" : "Fall back",
        _ => "Return to caller",
    };
}
