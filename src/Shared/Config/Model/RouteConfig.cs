using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>A task route: exactly one of <see cref="Tier"/> or <see cref="Candidates"/>.</summary>
public sealed record RouteConfig
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? Tier { get; init; }

    public IReadOnlyList<WeightedModel> Candidates { get; init; } = [];

    public RoutingStrategy Strategy { get; init; }

    public int? HedgeAfterMs { get; init; }

    public string? FallbackPolicy { get; init; }

    public string? Region { get; init; }

    public bool CustomerFacing { get; init; }

    public Sensitivity Sensitivity { get; init; }

    public string? PromptName { get; init; }

    public string? PromptLabel { get; init; }

    public bool CacheEnabled { get; init; }

    public int? CacheTtlSeconds { get; init; }

    public ConfigLocation Location { get; init; }
}
