namespace Platform.Simulator;

/// <summary>Request headers that script one call; each overrides the model's <see cref="ModelScript"/>.</summary>
public static class SimulatorHeaders
{
    public const string LatencyMs = "x-sim-latency-ms";
    public const string TtftMs = "x-sim-ttft-ms";
    public const string ChunkGapMs = "x-sim-chunk-gap-ms";

    /// <summary>One of <see cref="SimulatorFaults.Names"/>.</summary>
    public const string Fault = "x-sim-fault";
    public const string RetryAfter = "x-sim-retry-after";
    public const string CachedTokens = "x-sim-cached-tokens";
}
