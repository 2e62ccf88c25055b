using Platform.DataPlane.Configuration;
using Platform.DataPlane.Health;
using Platform.Shared.Routing;

namespace Platform.DataPlane.Routing;

/// <summary>
/// Request path step 6: turns a resolved <see cref="ModelReference"/> into the ordered models a
/// request may try. Keeps the candidates that satisfy the request and the route's limits and are
/// not circuit-open, orders them by the route's strategy, and reports every exclusion with its
/// reasons. <paramref name="random"/> must be thread-safe in production (<see cref="Random.Shared"/>);
/// tests pass a seeded one.
/// </summary>
internal sealed class CandidateSelector(DeploymentHealth health, LatencyTracker latency, TimeProvider time, Random random)
{
    private const int StackLimit = 64;

    public RouteDecision Select(TenantPolicy tenant, KeyPolicy key, in ModelReference reference, in RequestRequirements needs)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(key);

        RouteTarget target;
        switch (reference.Kind)
        {
            case ModelReferenceKind.Route:
                if (key.AllowedRoutes.Count > 0 && !key.AllowedRoutes.Contains(reference.Route!.Name))
                {
                    return SelectionFailures.Denied($"this API key may not use route '{reference.Name}'");
                }

                target = RouteTarget.For(reference.Route!);
                break;
            case ModelReferenceKind.Tier:
                if (key.AllowedRoutes.Count > 0 && !key.AllowedRoutes.Contains(ModelReference.TierPrefix + reference.Name))
                {
                    return SelectionFailures.Denied($"this API key may not use tier '{reference.Name}'");
                }

                target = RouteTarget.For(reference.Tier!);
                break;
            case ModelReferenceKind.Model:
                if (key.AllowedModels.Count > 0 && !key.AllowedModels.Contains(reference.Model!.Name))
                {
                    return SelectionFailures.Denied($"this API key may not use model '{reference.Name}'");
                }

                target = RouteTarget.For(reference.Model!);
                break;
            default:
                return SelectionFailures.NotFound(reference);
        }

        return Select(target, key, needs);
    }

    /// <summary>
    /// After a context-length error: the remaining candidates whose context window is strictly
    /// larger than the failed model's, in their current order. Models with an unknown window (0)
    /// are dropped: nothing says they would do better.
    /// </summary>
    public static IReadOnlyList<ModelPolicy> LargerContextCandidates(IReadOnlyList<ModelPolicy> remaining, ModelPolicy failedModel)
    {
        ArgumentNullException.ThrowIfNull(remaining);
        ArgumentNullException.ThrowIfNull(failedModel);
        var count = 0;
        for (var i = 0; i < remaining.Count; i++)
        {
            count += remaining[i].ContextWindow > failedModel.ContextWindow ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var larger = new ModelPolicy[count];
        for (int i = 0, j = 0; i < remaining.Count; i++)
        {
            if (remaining[i].ContextWindow > failedModel.ContextWindow)
            {
                larger[j++] = remaining[i];
            }
        }

        return larger;
    }

    private RouteDecision Select(in RouteTarget target, KeyPolicy key, in RequestRequirements needs)
    {
        var candidates = target.Candidates;
        var now = time.GetUtcNow().UtcTicks;
        Span<int> reasons = candidates.Length <= StackLimit ? stackalloc int[candidates.Length] : new int[candidates.Length];
        var eligible = 0;
        var demand = CandidateEligibility.Demand(key, target, needs);
        for (var i = 0; i < candidates.Length; i++)
        {
            var found = CandidateEligibility.Evaluate(candidates[i].Model, demand, needs.MaxLatencyMs, health, latency, now);
            reasons[i] = (int)found;
            eligible += found == ExclusionReason.None ? 1 : 0;
        }

        var excluded = Excluded(candidates, reasons, candidates.Length - eligible);
        if (eligible == 0)
        {
            return SelectionFailures.NoCandidate(target, excluded, needs);
        }

        var ordered = new ModelPolicy[eligible];
        Span<int> weights = eligible <= StackLimit ? stackalloc int[eligible] : new int[eligible];
        for (int i = 0, j = 0; i < candidates.Length; i++)
        {
            if (reasons[i] == 0)
            {
                weights[j] = candidates[i].Weight;
                ordered[j++] = candidates[i].Model;
            }
        }

        CandidateOrdering.Order(target.Strategy, ordered, weights, needs, latency, random, now);
        return new RouteDecision
        {
            RouteName = target.Kind == ModelReferenceKind.Route ? target.Name : null,
            TierName = target.TierName,
            Strategy = target.Strategy,
            Candidates = ordered,
            Excluded = excluded,
            Fallback = target.Fallback,
            HedgeAfter = target.HedgeAfter,
        };
    }

    private static ExcludedCandidate[] Excluded(WeightedModel[] candidates, ReadOnlySpan<int> reasons, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var excluded = new ExcludedCandidate[count];
        for (int i = 0, j = 0; i < candidates.Length; i++)
        {
            if (reasons[i] != 0)
            {
                excluded[j++] = new ExcludedCandidate(candidates[i].Model.Name, (ExclusionReason)reasons[i]);
            }
        }

        return excluded;
    }
}
