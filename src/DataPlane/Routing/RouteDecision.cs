using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Routing;

/// <summary>
/// Which models a request may try, in order, and why the others were left out. On failure
/// <see cref="Error"/> is set and <see cref="Candidates"/> is empty, but <see cref="Excluded"/>
/// is still complete, so a dry run can show the whole picture.
/// </summary>
internal sealed record RouteDecision
{
    /// <summary>Used for a hedged route that sets no delay of its own.</summary>
    public static readonly TimeSpan DefaultHedgeAfter = TimeSpan.FromSeconds(2);

    /// <summary>The task route, or null when the caller named a tier or a concrete model.</summary>
    public string? RouteName { get; init; }

    public string? TierName { get; init; }

    public RoutingStrategy Strategy { get; init; }

    /// <summary>Candidates in the order to try them. The executor takes at most <see cref="FallbackRules.MaxCandidates"/>.</summary>
    public IReadOnlyList<ModelPolicy> Candidates { get; init; } = [];

    public IReadOnlyList<ExcludedCandidate> Excluded { get; init; } = [];

    /// <summary>The route's fallback policy; <see cref="FallbackRules.Default"/> for a tier or a concrete model.</summary>
    public FallbackRules Fallback { get; init; } = FallbackRules.Default;

    /// <summary>When to start the second candidate; set only for <see cref="RoutingStrategy.Hedged"/>.</summary>
    public TimeSpan? HedgeAfter { get; init; }

    public SelectionError? Error { get; init; }

    public bool Succeeded => Error is null;
}
