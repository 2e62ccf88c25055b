using Platform.Shared.Domain;

namespace Platform.Shared.Config;

internal static class RouteSync
{
    private const string Kind = "route";

    public static void Sync(TenantPlan plan)
    {
        foreach (var desired in plan.Config.Routes)
        {
            var entity = plan.State.Routes.Find(r => r.Name == desired.Name);
            var created = entity is null;
            if (entity is null)
            {
                entity = new TaskRoute { Name = desired.Name };
                plan.Db.Routes.Add(entity);
                plan.Log.Created(Kind, plan.PathOf(desired.Name));
            }

            var changes = new FieldChanges();
            Update(plan, entity, desired, changes);
            if (!created)
            {
                plan.Log.Updated(Kind, plan.PathOf(desired.Name), changes);
            }
        }
    }

    public static void DeleteAbsent(TenantPlan plan)
    {
        var kept = plan.Config.Routes.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in plan.State.Routes.Where(r => !kept.Contains(r.Name)))
        {
            plan.Db.Routes.Remove(entity);
            plan.Log.Deleted(Kind, plan.PathOf(entity.Name));
        }
    }

    private static void Update(TenantPlan plan, TaskRoute entity, RouteConfig desired, FieldChanges changes)
    {
        changes.Set("description", entity.Description, desired.Description, v => entity.Description = v);
        var currentTier = plan.State.Tiers.Find(t => t.Id == entity.TierId)?.Name;
        changes.Set("tier", currentTier, desired.Tier, v => entity.TierId = v is null ? null : plan.Tiers[v].Id);
        var routeId = entity.Id;
        ModelListSync.Sync(
            plan, changes, "candidates", entity.Candidates, desired.Candidates,
            read: c => (c.ModelId, c.Priority, c.Weight),
            rank: (c, priority, weight) => (c.Priority, c.Weight) = (priority, weight),
            create: modelId => new RouteCandidate { RouteId = routeId, ModelId = modelId });
        changes.Set("strategy", entity.Strategy, desired.Strategy, v => entity.Strategy = v, ConfigVocabulary.Strategies.NameOf);
        changes.Set("hedgeAfterMs", entity.HedgeAfterMs, desired.HedgeAfterMs, v => entity.HedgeAfterMs = v);
        var currentPolicy = plan.State.Policies.Find(p => p.Id == entity.FallbackPolicyId)?.Name;
        changes.Set("fallbackPolicy", currentPolicy, desired.FallbackPolicy, v => entity.FallbackPolicyId = v is null ? null : plan.Policies[v].Id);
        changes.Set("constraints.region", entity.RequiredRegion, desired.Region, v => entity.RequiredRegion = v);
        changes.Set("constraints.customerFacing", entity.CustomerFacing, desired.CustomerFacing, v => entity.CustomerFacing = v);
        changes.Set("constraints.sensitivity", entity.Sensitivity, desired.Sensitivity, v => entity.Sensitivity = v, ConfigVocabulary.Sensitivities.NameOf);
        changes.Set("prompt.name", entity.PromptName, desired.PromptName, v => entity.PromptName = v);
        changes.Set("prompt.label", entity.PromptLabel, desired.PromptLabel, v => entity.PromptLabel = v);
        changes.Set("cache.enabled", entity.CacheEnabled, desired.CacheEnabled, v => entity.CacheEnabled = v);
        changes.Set("cache.ttlSeconds", entity.CacheTtlSeconds, desired.CacheTtlSeconds, v => entity.CacheTtlSeconds = v);
    }
}
