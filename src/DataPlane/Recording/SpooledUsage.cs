using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// One line of a spool segment: a <see cref="UsageEvent"/> with its attempts, as plain data so the
/// source-generated serializer never touches an EF entity. <see cref="Id"/> is the idempotency key.
/// </summary>
internal sealed record SpooledUsage
{
    public required Guid Id { get; init; }

    public required Guid TenantId { get; init; }

    public Guid? ApiKeyId { get; init; }

    public required string Endpoint { get; init; }

    public string? Feature { get; init; }

    public string? Customer { get; init; }

    public string? Route { get; init; }

    public string? Strategy { get; init; }

    public string? PromptName { get; init; }

    public int? PromptVersion { get; init; }

    public string? PromptLabel { get; init; }

    public string? Provider { get; init; }

    public string? Model { get; init; }

    public int Status { get; init; }

    public string? ErrorClass { get; init; }

    public DateTime StartedAt { get; init; }

    public int LatencyMs { get; init; }

    public int? UpstreamLatencyMs { get; init; }

    public int? TimeToFirstTokenMs { get; init; }

    public int InputTokens { get; init; }

    public int OutputTokens { get; init; }

    public int CachedTokens { get; init; }

    public long CostNanoUsd { get; init; }

    public bool CostEstimated { get; init; }

    public bool CacheHit { get; init; }

    public bool Streamed { get; init; }

    public int FallbackCount { get; init; }

    public bool Degraded { get; init; }

    public bool Redacted { get; init; }

    public string? RecordedBy { get; init; }

    public IReadOnlyList<SpooledAttempt> Attempts { get; init; } = [];

    public static SpooledUsage From(UsageEvent e)
    {
        var attempts = new SpooledAttempt[e.Attempts.Count];
        for (var i = 0; i < attempts.Length; i++)
        {
            attempts[i] = SpooledAttempt.From(e.Attempts[i]);
        }

        return new SpooledUsage
        {
            Id = e.Id,
            TenantId = e.TenantId,
            ApiKeyId = e.ApiKeyId,
            Endpoint = e.Endpoint,
            Feature = e.Feature,
            Customer = e.Customer,
            Route = e.Route,
            Strategy = e.Strategy,
            PromptName = e.PromptName,
            PromptVersion = e.PromptVersion,
            PromptLabel = e.PromptLabel,
            Provider = e.Provider,
            Model = e.Model,
            Status = e.Status,
            ErrorClass = e.ErrorClass,
            StartedAt = e.StartedAt,
            LatencyMs = e.LatencyMs,
            UpstreamLatencyMs = e.UpstreamLatencyMs,
            TimeToFirstTokenMs = e.TimeToFirstTokenMs,
            InputTokens = e.InputTokens,
            OutputTokens = e.OutputTokens,
            CachedTokens = e.CachedTokens,
            CostNanoUsd = e.CostNanoUsd,
            CostEstimated = e.CostEstimated,
            CacheHit = e.CacheHit,
            Streamed = e.Streamed,
            FallbackCount = e.FallbackCount,
            Degraded = e.Degraded,
            Redacted = e.Redacted,
            RecordedBy = e.RecordedBy,
            Attempts = attempts,
        };
    }

    /// <summary>A fresh entity (never one a failed context tracked), ready to be added.</summary>
    public UsageEvent ToEntity()
    {
        var usage = new UsageEvent
        {
            Id = Id,
            TenantId = TenantId,
            ApiKeyId = ApiKeyId,
            Endpoint = Endpoint,
            Feature = Feature,
            Customer = Customer,
            Route = Route,
            Strategy = Strategy,
            PromptName = PromptName,
            PromptVersion = PromptVersion,
            PromptLabel = PromptLabel,
            Provider = Provider,
            Model = Model,
            Status = Status,
            ErrorClass = ErrorClass,
            StartedAt = StartedAt,
            LatencyMs = LatencyMs,
            UpstreamLatencyMs = UpstreamLatencyMs,
            TimeToFirstTokenMs = TimeToFirstTokenMs,
            InputTokens = InputTokens,
            OutputTokens = OutputTokens,
            CachedTokens = CachedTokens,
            CostNanoUsd = CostNanoUsd,
            CostEstimated = CostEstimated,
            CacheHit = CacheHit,
            Streamed = Streamed,
            FallbackCount = FallbackCount,
            Degraded = Degraded,
            Redacted = Redacted,
            RecordedBy = RecordedBy,
        };
        foreach (var attempt in Attempts)
        {
            usage.Attempts.Add(attempt.ToEntity(TenantId, Id));
        }

        return usage;
    }
}
