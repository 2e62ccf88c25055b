using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>One <see cref="UsageAttempt"/> inside a <see cref="SpooledUsage"/> line.</summary>
internal sealed record SpooledAttempt
{
    public required Guid Id { get; init; }

    public int Index { get; init; }

    public required string Provider { get; init; }

    public required string Model { get; init; }

    public int? Status { get; init; }

    public string? ErrorClass { get; init; }

    public int LatencyMs { get; init; }

    public int InputTokens { get; init; }

    public int OutputTokens { get; init; }

    public long CostNanoUsd { get; init; }

    public bool Cancelled { get; init; }

    public static SpooledAttempt From(UsageAttempt a) => new()
    {
        Id = a.Id,
        Index = a.Index,
        Provider = a.Provider,
        Model = a.Model,
        Status = a.Status,
        ErrorClass = a.ErrorClass,
        LatencyMs = a.LatencyMs,
        InputTokens = a.InputTokens,
        OutputTokens = a.OutputTokens,
        CostNanoUsd = a.CostNanoUsd,
        Cancelled = a.Cancelled,
    };

    public UsageAttempt ToEntity(Guid tenantId, Guid usageEventId) => new()
    {
        Id = Id,
        TenantId = tenantId,
        UsageEventId = usageEventId,
        Index = Index,
        Provider = Provider,
        Model = Model,
        Status = Status,
        ErrorClass = ErrorClass,
        LatencyMs = LatencyMs,
        InputTokens = InputTokens,
        OutputTokens = OutputTokens,
        CostNanoUsd = CostNanoUsd,
        Cancelled = Cancelled,
    };
}
