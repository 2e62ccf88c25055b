using Platform.Shared.Domain;

namespace Platform.Shared.Config;

public sealed record FallbackPolicyConfig
{
    public required string Name { get; init; }

    public int PerAttemptTimeoutMs { get; init; } = 30_000;

    public int FirstTokenTimeoutMs { get; init; } = 10_000;

    public int OverallDeadlineMs { get; init; } = 60_000;

    public int MaxRetries { get; init; } = 1;

    public int BackoffBaseMs { get; init; } = 200;

    public int MaxCandidates { get; init; } = 3;

    public IReadOnlyList<string> RetryOn { get; init; } = [];

    public IReadOnlyList<string> FallbackOn { get; init; } = [];

    public CircuitBreakerConfig CircuitBreaker { get; init; } = new();

    public DegradedMode DegradedMode { get; init; }

    public string? DegradedText { get; init; }

    public ConfigLocation Location { get; init; }
}

public sealed record CircuitBreakerConfig
{
    public double FailureRatio { get; init; } = 0.5;

    public int MinimumThroughput { get; init; } = 10;

    public int SamplingSeconds { get; init; } = 30;

    public int BreakSeconds { get; init; } = 15;
}
