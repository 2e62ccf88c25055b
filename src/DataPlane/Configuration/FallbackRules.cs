using Platform.DataPlane.Forwarding;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

/// <summary>A fallback policy compiled for the executor.</summary>
internal sealed record FallbackRules
{
    public static readonly FallbackRules Default = new();

    public string Name { get; init; } = "default";

    public TimeSpan PerAttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan FirstTokenTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan OverallDeadline { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxRetries { get; init; } = 1;

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(200);

    public int MaxCandidates { get; init; } = 3;

    public IReadOnlySet<ErrorClass> RetryOn { get; init; } = new HashSet<ErrorClass>
    {
        ErrorClass.Timeout, ErrorClass.Connection, ErrorClass.RateLimited, ErrorClass.ServerError, ErrorClass.Overloaded,
    };

    public IReadOnlySet<ErrorClass> FallbackOn { get; init; } = new HashSet<ErrorClass>
    {
        ErrorClass.Timeout, ErrorClass.Connection, ErrorClass.RateLimited, ErrorClass.ServerError, ErrorClass.Overloaded,
        ErrorClass.ContextLength, ErrorClass.MalformedResponse, ErrorClass.StreamBroken, ErrorClass.Auth,
    };

    public double BreakerFailureRatio { get; init; } = 0.5;

    public int BreakerMinimumThroughput { get; init; } = 10;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    public DegradedMode DegradedMode { get; init; }

    public string? DegradedText { get; init; }
}
