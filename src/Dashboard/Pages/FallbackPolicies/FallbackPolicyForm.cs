using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.FallbackPolicies;

/// <summary>
/// The policy dialog's model: mutable for binding, the input's nested circuit-breaker and degraded
/// settings flattened into fields of their own, and the two error-class lists as one choice per
/// class (<see cref="Rows"/>), which <see cref="ToInput"/> turns back into <c>retryOn</c> and <c>fallbackOn</c>.
/// </summary>
public sealed class FallbackPolicyForm
{
    /// <summary>The fields bound with <c>For=</c>, which show their own errors; list errors show under the matrix.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        nameof(Name), nameof(PerAttemptTimeoutMs), nameof(FirstTokenTimeoutMs), nameof(OverallDeadlineMs), nameof(MaxRetries),
        nameof(BackoffBaseMs), nameof(MaxCandidates), nameof(FailureRatio), nameof(MinimumThroughput), nameof(SamplingSeconds),
        nameof(BreakSeconds), nameof(DegradedMode), nameof(DegradedText), nameof(Rows),
    ];

    private static readonly FallbackPolicyInput Defaults = new();

    public string Name { get; set; } = "";

    public int PerAttemptTimeoutMs { get; set; } = Defaults.PerAttemptTimeoutMs;

    public int FirstTokenTimeoutMs { get; set; } = Defaults.FirstTokenTimeoutMs;

    public int OverallDeadlineMs { get; set; } = Defaults.OverallDeadlineMs;

    public int MaxRetries { get; set; } = Defaults.MaxRetries;

    public int BackoffBaseMs { get; set; } = Defaults.BackoffBaseMs;

    public int MaxCandidates { get; set; } = Defaults.MaxCandidates;

    public double FailureRatio { get; set; } = Defaults.CircuitBreaker.FailureRatio;

    public int MinimumThroughput { get; set; } = Defaults.CircuitBreaker.MinimumThroughput;

    public int SamplingSeconds { get; set; } = Defaults.CircuitBreaker.SamplingSeconds;

    public int BreakSeconds { get; set; } = Defaults.CircuitBreaker.BreakSeconds;

    public string DegradedMode { get; set; } = Defaults.Degraded.Mode;

    public string? DegradedText { get; set; }

    /// <summary>One choice per configurable error class; a new policy starts from the data plane's defaults (README table).</summary>
    public Dictionary<string, ErrorClassBehaviour> Rows { get; set; } = ErrorClassRows.Configurable.ToDictionary(
        c => c,
        c => c switch
        {
            ErrorClassRows.ContextLength or "auth" or "malformed_response" or "stream_broken" => ErrorClassBehaviour.FallBack,
            _ => ErrorClassBehaviour.RetryThenFallBack,
        },
        StringComparer.Ordinal);

    public static FallbackPolicyForm From(FallbackPolicyView policy) => new()
    {
        Name = policy.Name,
        PerAttemptTimeoutMs = policy.PerAttemptTimeoutMs,
        FirstTokenTimeoutMs = policy.FirstTokenTimeoutMs,
        OverallDeadlineMs = policy.OverallDeadlineMs,
        MaxRetries = policy.MaxRetries,
        BackoffBaseMs = policy.BackoffBaseMs,
        MaxCandidates = policy.MaxCandidates,
        FailureRatio = policy.CircuitBreaker.FailureRatio,
        MinimumThroughput = policy.CircuitBreaker.MinimumThroughput,
        SamplingSeconds = policy.CircuitBreaker.SamplingSeconds,
        BreakSeconds = policy.CircuitBreaker.BreakSeconds,
        DegradedMode = policy.Degraded.Mode,
        DegradedText = policy.Degraded.Text,
        Rows = ErrorClassRows.Configurable.ToDictionary(c => c, c => ErrorClassRows.Of(policy, c), StringComparer.Ordinal),
    };

    public FallbackPolicyInput ToInput() => new()
    {
        Name = Name.Trim(),
        PerAttemptTimeoutMs = PerAttemptTimeoutMs,
        FirstTokenTimeoutMs = FirstTokenTimeoutMs,
        OverallDeadlineMs = OverallDeadlineMs,
        MaxRetries = MaxRetries,
        BackoffBaseMs = BackoffBaseMs,
        MaxCandidates = MaxCandidates,
        RetryOn = [.. ErrorClassRows.Configurable.Where(c => ErrorClassRows.Retries(Rows[c]))],
        FallbackOn = [.. ErrorClassRows.Configurable.Where(c => ErrorClassRows.FallsBack(Rows[c]))],
        CircuitBreaker = new CircuitBreakerSettings(FailureRatio, MinimumThroughput, SamplingSeconds, BreakSeconds),

        // The text is kept while another mode is picked, but sent only for fixedText, the one mode it applies to.
        Degraded = new DegradedSettings(DegradedMode, DegradedMode == "fixedText" ? DegradedText : null),
    };

    /// <summary>
    /// The form field an error path belongs to, whichever casing (validator or API) names it:
    /// <c>CircuitBreaker.FailureRatio</c> on <see cref="FailureRatio"/>, <c>Degraded.Text</c> on
    /// <see cref="DegradedText"/>, either error-class list on the matrix (<see cref="Rows"/>).
    /// </summary>
    public static string FieldOf(string path)
    {
        var field = Components.FormFields.Of(path);
        var dot = field.LastIndexOf('.');
        var last = dot < 0 ? field : field[(dot + 1)..];
        var prefix = dot < 0 ? "" : field[..dot];
        if (prefix.Equals("Degraded", StringComparison.OrdinalIgnoreCase))
        {
            last = "Degraded" + last;
        }

        if (last.Equals("RetryOn", StringComparison.OrdinalIgnoreCase) || last.Equals("FallbackOn", StringComparison.OrdinalIgnoreCase))
        {
            return nameof(Rows);
        }

        return Fields.FirstOrDefault(f => f.Equals(last, StringComparison.OrdinalIgnoreCase)) ?? field;
    }
}
