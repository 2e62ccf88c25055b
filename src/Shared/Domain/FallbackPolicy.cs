namespace Platform.Shared.Domain;

/// <summary>Timeouts, retries, circuit breaking and fallback rules for a route.</summary>
public sealed class FallbackPolicy : TenantEntity, IPolicyEntity
{
    public required string Name { get; set; }

    public int PerAttemptTimeoutMs { get; set; } = 30_000;

    public int FirstTokenTimeoutMs { get; set; } = 10_000;

    public int OverallDeadlineMs { get; set; } = 60_000;

    /// <summary>Retries on the same candidate before moving on.</summary>
    public int MaxRetries { get; set; } = 1;

    public int BackoffBaseMs { get; set; } = 200;

    /// <summary>Candidates tried at most, the first included.</summary>
    public int MaxCandidates { get; set; } = 3;

    /// <summary>Error classes (see the README table) that retry the same candidate.</summary>
    public List<string> RetryOn { get; set; } = [];

    /// <summary>Error classes that move on to the next candidate.</summary>
    public List<string> FallbackOn { get; set; } = [];

    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 10;

    public int BreakerSamplingSeconds { get; set; } = 30;

    public int BreakerBreakSeconds { get; set; } = 15;

    public DegradedMode DegradedMode { get; set; }

    public string? DegradedText { get; set; }
}
