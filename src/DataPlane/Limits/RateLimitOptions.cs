namespace Platform.DataPlane.Limits;

/// <summary>How the rate-limit counters are shared between data-plane instances; section <c>DataPlane:RateLimits</c>.</summary>
internal sealed record RateLimitOptions
{
    public const string Section = "DataPlane:RateLimits";

    public static readonly TimeSpan LongestSyncInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often this instance publishes its counts and reads the others'. The overshoot across
    /// instances grows with it (README, "Rate limits"); each round is one indexed read, plus one
    /// upsert per scope whose count moved.
    /// </summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
