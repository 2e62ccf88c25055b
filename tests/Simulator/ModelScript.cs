namespace Platform.Simulator;

/// <summary>
/// Scripted behaviour of one model (or of every model, under <see cref="ScriptRegistry.AnyModel"/>).
/// Request headers (<see cref="SimulatorHeaders"/>) take precedence over each value.
/// </summary>
public sealed record ModelScript
{
    /// <summary>Delay before the response headers.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>Delay before the first stream chunk (added to the latency of a non-streaming reply).</summary>
    public int? TtftMs { get; init; }

    /// <summary>Delay between stream chunks.</summary>
    public int? ChunkGapMs { get; init; }

    public SimulatorFault? Fault { get; init; }

    /// <summary>Apply <see cref="Fault"/> only to the first N calls, then behave normally; null = always.</summary>
    public int? FailFirst { get; init; }

    /// <summary>Retry-After seconds of a 429; default 1.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Prompt tokens reported as served from the provider's prompt cache.</summary>
    public int? CachedTokens { get; init; }

    /// <summary>Prompt tokens above this answer with a context-length error.</summary>
    public int? ContextWindow { get; init; }
}
