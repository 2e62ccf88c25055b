using System.Runtime.CompilerServices;
using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Routing;

/// <summary>
/// Candidate arrays in priority order, computed once per route, tier or model of a policy
/// snapshot. Keyed on the immutable policy object itself (by reference), so a new snapshot gets
/// new entries and the old ones go away with it; reads are lock-free.
/// </summary>
internal static class CandidateLists
{
    private static readonly ConditionalWeakTable<object, WeightedModel[]> Cache = new();

    public static WeightedModel[] For(RoutePolicy route) =>
        Cache.GetValue(route, static r => InPriorityOrder(((RoutePolicy)r).Candidates));

    public static WeightedModel[] For(TierPolicy tier) =>
        Cache.GetValue(tier, static t => InPriorityOrder(((TierPolicy)t).Models));

    public static WeightedModel[] For(ModelPolicy model) =>
        Cache.GetValue(model, static m => [new WeightedModel((ModelPolicy)m, 0, 1)]);

    /// <summary>Ascending <see cref="WeightedModel.Priority"/>; equal priorities keep their configured order.</summary>
    internal static WeightedModel[] InPriorityOrder(IReadOnlyList<WeightedModel> models)
    {
        var ordered = new WeightedModel[models.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            var item = models[i];
            var j = i - 1;
            while (j >= 0 && ordered[j].Priority > item.Priority)
            {
                ordered[j + 1] = ordered[j];
                j--;
            }

            ordered[j + 1] = item;
        }

        return ordered;
    }
}
