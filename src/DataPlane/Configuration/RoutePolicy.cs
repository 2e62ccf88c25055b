using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

/// <summary>A task route compiled: its candidates in order (from its tier or its own list) and its rules.</summary>
internal sealed record RoutePolicy
{
    public required string Name { get; init; }

    public required IReadOnlyList<WeightedModel> Candidates { get; init; }

    public string? TierName { get; init; }

    public RoutingStrategy Strategy { get; init; }

    public TimeSpan? HedgeAfter { get; init; }

    public FallbackRules Fallback { get; init; } = FallbackRules.Default;

    public string? RequiredRegion { get; init; }

    public bool CustomerFacing { get; init; }

    public Sensitivity Sensitivity { get; init; }

    public string? PromptName { get; init; }

    public string? PromptLabel { get; init; }

    public bool CacheEnabled { get; init; }

    public TimeSpan? CacheTtl { get; init; }
}
