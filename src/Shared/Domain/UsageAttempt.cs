namespace Platform.Shared.Domain;

/// <summary>One upstream attempt of a <see cref="UsageEvent"/>.</summary>
public sealed class UsageAttempt : TenantEntity
{
    public Guid UsageEventId { get; set; }

    public int Index { get; set; }

    public required string Provider { get; set; }

    public required string Model { get; set; }

    public int? Status { get; set; }

    public string? ErrorClass { get; set; }

    public int LatencyMs { get; set; }

    public int InputTokens { get; set; }

    public int OutputTokens { get; set; }

    public long CostNanoUsd { get; set; }

    /// <summary>A hedged attempt that lost the race and was cancelled.</summary>
    public bool Cancelled { get; set; }
}
