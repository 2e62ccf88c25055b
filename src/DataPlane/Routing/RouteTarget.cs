using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Routing;

/// <summary>What a resolved reference contributes to selection: candidates, strategy and route-level limits.</summary>
internal readonly record struct RouteTarget
{
    public required ModelReferenceKind Kind { get; init; }

    public required string Name { get; init; }

    public required WeightedModel[] Candidates { get; init; }

    public RoutingStrategy Strategy { get; init; }

    public FallbackRules Fallback { get; init; }

    public TimeSpan? HedgeAfter { get; init; }

    public string? TierName { get; init; }

    public string? RequiredRegion { get; init; }

    public bool CustomerFacing { get; init; }

    public bool PrivateOnly { get; init; }

    /// <summary>"route 'x'", "tier 'x'" or "model 'x'"; built only for error messages.</summary>
    public string Label => Kind switch
    {
        ModelReferenceKind.Route => $"route '{Name}'",
        ModelReferenceKind.Tier => $"tier '{Name}'",
        _ => $"model '{Name}'",
    };

    public static RouteTarget For(RoutePolicy route) => new()
    {
        Kind = ModelReferenceKind.Route,
        Name = route.Name,
        Candidates = CandidateLists.For(route),
        Strategy = route.Strategy,
        Fallback = route.Fallback,
        HedgeAfter = route.Strategy == RoutingStrategy.Hedged ? route.HedgeAfter ?? RouteDecision.DefaultHedgeAfter : null,
        TierName = route.TierName,
        RequiredRegion = route.RequiredRegion,
        CustomerFacing = route.CustomerFacing,
        PrivateOnly = route.Sensitivity == Sensitivity.PrivateOnly,
    };

    /// <summary>A tier has no strategy or policy of its own: priority order, default fallback rules.</summary>
    public static RouteTarget For(TierPolicy tier) => new()
    {
        Kind = ModelReferenceKind.Tier,
        Name = tier.Name,
        Candidates = CandidateLists.For(tier),
        Fallback = FallbackRules.Default,
        TierName = tier.Name,
    };

    /// <summary>A concrete model is its only candidate: nothing to fall back to, default fallback rules (retries still apply).</summary>
    public static RouteTarget For(ModelPolicy model) => new()
    {
        Kind = ModelReferenceKind.Model,
        Name = model.Name,
        Candidates = CandidateLists.For(model),
        Fallback = FallbackRules.Default,
    };
}
