using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Health;

/// <summary>
/// The circuit-breaker part of a <see cref="FallbackRules"/>, clamped into the ranges Polly
/// validates (ratio in (0, 1], throughput at least 2, durations at least 500 ms) so a policy typo
/// degrades to the nearest legal breaker instead of throwing on the request path.
/// </summary>
internal readonly record struct BreakerSettings(
    double FailureRatio,
    int MinimumThroughput,
    TimeSpan SamplingDuration,
    TimeSpan BreakDuration)
{
    private static readonly TimeSpan MinDuration = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    public static BreakerSettings From(FallbackRules rules) => new(
        Math.Clamp(double.IsNaN(rules.BreakerFailureRatio) ? 0.5 : rules.BreakerFailureRatio, 0.01, 1.0),
        Math.Max(rules.BreakerMinimumThroughput, 2),
        Clamp(rules.BreakerSamplingDuration),
        Clamp(rules.BreakerBreakDuration));

    private static TimeSpan Clamp(TimeSpan value) =>
        value < MinDuration ? MinDuration : value > MaxDuration ? MaxDuration : value;
}
