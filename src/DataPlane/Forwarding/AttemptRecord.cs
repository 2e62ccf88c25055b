using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Forwarding;

/// <summary>One upstream attempt: what was tried, how it ended, how long it took.</summary>
internal sealed record AttemptRecord(
    int Index,
    ModelPolicy Model,
    ErrorClass? Error,
    int? Status,
    TimeSpan Latency,
    bool Cancelled = false);
