namespace Platform.Simulator.Scripting;

/// <summary>What one request does: the model's script with the request's headers applied.</summary>
internal readonly record struct EffectiveScript(
    int LatencyMs,
    int TtftMs,
    int ChunkGapMs,
    SimulatorFault Fault,
    int RetryAfterSeconds,
    int CachedTokens,
    int? ContextWindow);
