using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

/// <summary>A fallback policy as the management API shows it; the same shape as its config-file section.</summary>
public sealed record FallbackPolicyView(
    Guid Id,
    string Name,
    int PerAttemptTimeoutMs,
    int FirstTokenTimeoutMs,
    int OverallDeadlineMs,
    int MaxRetries,
    int BackoffBaseMs,
    int MaxCandidates,
    IReadOnlyList<string> RetryOn,
    IReadOnlyList<string> FallbackOn,
    CircuitBreakerSettings CircuitBreaker,
    DegradedSettings Degraded,
    DateTime CreatedAt);

/// <summary>Per model: open after <see cref="FailureRatio"/> of at least <see cref="MinimumThroughput"/> calls in the window fail.</summary>
public sealed record CircuitBreakerSettings(double FailureRatio = 0.5, int MinimumThroughput = 10, int SamplingSeconds = 30, int BreakSeconds = 15);

/// <summary>What to answer when every candidate failed: <c>none</c>, <c>fixedText</c> (with <see cref="Text"/>) or <c>cachedAnswer</c>.</summary>
public sealed record DegradedSettings(string Mode = "none", string? Text = null);

/// <summary>Create or replace a fallback policy; what is left out takes the config format's default.</summary>
public sealed record FallbackPolicyInput
{
    public string Name { get; init; } = "";

    public int PerAttemptTimeoutMs { get; init; } = 30_000;

    public int FirstTokenTimeoutMs { get; init; } = 10_000;

    public int OverallDeadlineMs { get; init; } = 60_000;

    /// <summary>Retries on the same candidate before moving on.</summary>
    public int MaxRetries { get; init; } = 1;

    public int BackoffBaseMs { get; init; } = 200;

    /// <summary>Candidates tried at most, the first included.</summary>
    public int MaxCandidates { get; init; } = 3;

    /// <summary>Error classes that retry the same candidate (see the README table).</summary>
    public IReadOnlyList<string> RetryOn { get; init; } = [];

    /// <summary>Error classes that move on to the next candidate.</summary>
    public IReadOnlyList<string> FallbackOn { get; init; } = [];

    public CircuitBreakerSettings CircuitBreaker { get; init; } = new();

    public DegradedSettings Degraded { get; init; } = new();
}

public sealed class FallbackPolicyInputValidator : AbstractValidator<FallbackPolicyInput>
{
    public FallbackPolicyInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().Must(Rules.IsName).WithMessage(PolicyRules.NameMessage("Fallback policy"));
        RuleFor(p => p.PerAttemptTimeoutMs).GreaterThanOrEqualTo(1)
            .LessThanOrEqualTo(p => p.OverallDeadlineMs).WithMessage("'perAttemptTimeoutMs' cannot exceed 'overallDeadlineMs'.");
        RuleFor(p => p.FirstTokenTimeoutMs).GreaterThanOrEqualTo(1);
        RuleFor(p => p.OverallDeadlineMs).GreaterThanOrEqualTo(1);
        RuleFor(p => p.MaxRetries).GreaterThanOrEqualTo(0);
        RuleFor(p => p.BackoffBaseMs).GreaterThanOrEqualTo(0);
        RuleFor(p => p.MaxCandidates).GreaterThanOrEqualTo(1);
        RuleForEach(p => p.RetryOn).Must(ConfigVocabulary.ErrorClasses.Contains)
            .WithMessage((_, c) => PolicyRules.NotOneOf("error class", c, ConfigVocabulary.ErrorClasses));
        RuleForEach(p => p.FallbackOn).Must(ConfigVocabulary.ErrorClasses.Contains)
            .WithMessage((_, c) => PolicyRules.NotOneOf("error class", c, ConfigVocabulary.ErrorClasses));
        RuleFor(p => p.CircuitBreaker).NotNull();
        RuleFor(p => p.CircuitBreaker.FailureRatio).InclusiveBetween(0, 1).When(p => p.CircuitBreaker is not null);
        RuleFor(p => p.CircuitBreaker.MinimumThroughput).GreaterThanOrEqualTo(1).When(p => p.CircuitBreaker is not null);
        RuleFor(p => p.CircuitBreaker.SamplingSeconds).GreaterThanOrEqualTo(1).When(p => p.CircuitBreaker is not null);
        RuleFor(p => p.CircuitBreaker.BreakSeconds).GreaterThanOrEqualTo(1).When(p => p.CircuitBreaker is not null);
        RuleFor(p => p.Degraded).NotNull();
        RuleFor(p => p.Degraded.Mode).Must(m => ConfigVocabulary.DegradedModes.TryParse(m, out _)).When(p => p.Degraded is not null)
            .WithMessage((_, m) => PolicyRules.NotOneOf("degraded mode", m, ConfigVocabulary.DegradedModes.Names));
        RuleFor(p => p.Degraded.Text).NotEmpty().WithMessage("Degraded mode 'fixedText' needs a 'text'.").MaximumLength(4000)
            .When(p => p.Degraded is { Mode: "fixedText" });
        RuleFor(p => p.Degraded.Text).Null().When(p => p.Degraded is not null && p.Degraded.Mode != "fixedText")
            .WithMessage("'text' applies only to degraded mode 'fixedText'.");
    }
}
