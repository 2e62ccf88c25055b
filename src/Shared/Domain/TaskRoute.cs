namespace Platform.Shared.Domain;

/// <summary>
/// What a piece of work is (e.g. <c>support_summary</c>) and how it is served: a tier or explicit
/// candidates, a strategy, constraints, a fallback policy and optionally a prompt.
/// </summary>
public sealed class TaskRoute : TenantEntity, IPolicyEntity
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Candidates come from this tier unless <see cref="Candidates"/> is non-empty.</summary>
    public Guid? TierId { get; set; }

    public Tier? Tier { get; set; }

    public List<RouteCandidate> Candidates { get; set; } = [];

    public RoutingStrategy Strategy { get; set; }

    /// <summary>For <see cref="RoutingStrategy.Hedged"/>: start the next candidate after this many ms.</summary>
    public int? HedgeAfterMs { get; set; }

    public Guid? FallbackPolicyId { get; set; }

    public FallbackPolicy? FallbackPolicy { get; set; }

    public string? RequiredRegion { get; set; }

    /// <summary>Serves end customers directly: only models approved for that may be used.</summary>
    public bool CustomerFacing { get; set; }

    public Sensitivity Sensitivity { get; set; }

    public string? PromptName { get; set; }

    public string? PromptLabel { get; set; }

    public bool CacheEnabled { get; set; }

    public int? CacheTtlSeconds { get; set; }
}
