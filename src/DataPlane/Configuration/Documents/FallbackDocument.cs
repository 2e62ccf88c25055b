using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

/// <summary>A fallback policy row; error classes stay names so an unknown one is reported at compile time.</summary>
internal sealed record FallbackDocument(
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
    double BreakerFailureRatio,
    int BreakerMinimumThroughput,
    int BreakerSamplingSeconds,
    int BreakerBreakSeconds,
    DegradedMode DegradedMode,
    string? DegradedText);
