using Platform.Shared.Domain;

namespace Platform.Shared.Config;

internal static class TierSync
{
    private const string Kind = "tier";

    public static void Sync(TenantPlan plan)
    {
        foreach (var desired in plan.Config.Tiers)
        {
            var entity = plan.State.Tiers.Find(t => t.Name == desired.Name);
            var created = entity is null;
            if (entity is null)
            {
                entity = new Tier { Name = desired.Name };
                plan.Db.Tiers.Add(entity);
                plan.Log.Created(Kind, plan.PathOf(desired.Name));
            }

            var changes = new FieldChanges();
            changes.Set("description", entity.Description, desired.Description, v => entity.Description = v);
            var tierId = entity.Id;
            ModelListSync.Sync(
                plan, changes, "models", entity.Models, desired.Models,
                read: m => (m.ModelId, m.Priority, m.Weight),
                rank: (m, priority, weight) => (m.Priority, m.Weight) = (priority, weight),
                create: modelId => new TierModel { TierId = tierId, ModelId = modelId });
            if (!created)
            {
                plan.Log.Updated(Kind, plan.PathOf(desired.Name), changes);
            }

            plan.Tiers[desired.Name] = entity;
        }
    }

    public static void DeleteAbsent(TenantPlan plan)
    {
        foreach (var entity in plan.State.Tiers.Where(t => !plan.Tiers.ContainsKey(t.Name)))
        {
            plan.Db.Tiers.Remove(entity);
            plan.Log.Deleted(Kind, plan.PathOf(entity.Name));
        }
    }
}
