using Platform.Shared.Domain;

namespace Platform.Shared.Config;

internal static class ProviderSync
{
    private const string Kind = "provider";

    public static void Sync(TenantPlan plan)
    {
        foreach (var desired in plan.Config.Providers)
        {
            var changes = new FieldChanges();
            var entity = plan.State.Providers.Find(p => p.Name == desired.Name);
            if (entity is null)
            {
                entity = new Provider { Name = desired.Name, BaseUrl = desired.BaseUrl };
                plan.Db.Providers.Add(entity);
                plan.Log.Created(Kind, plan.PathOf(desired.Name));
                Update(plan, entity, desired, new FieldChanges());
            }
            else
            {
                Update(plan, entity, desired, changes);
                plan.Log.Updated(Kind, plan.PathOf(desired.Name), changes);
            }

            plan.Providers[desired.Name] = entity;
        }
    }

    public static void DeleteAbsent(TenantPlan plan)
    {
        foreach (var entity in plan.State.Providers.Where(p => !plan.Providers.ContainsKey(p.Name)))
        {
            plan.Db.Providers.Remove(entity);
            plan.Log.Deleted(Kind, plan.PathOf(entity.Name));
        }
    }

    private static void Update(TenantPlan plan, Provider entity, ProviderConfig desired, FieldChanges changes)
    {
        changes.Set("kind", entity.Kind, desired.Kind, v => entity.Kind = v, ConfigVocabulary.ProviderKinds.NameOf);
        changes.Set("baseUrl", entity.BaseUrl, desired.BaseUrl, v => entity.BaseUrl = v);
        changes.Set("region", entity.Region, desired.Region, v => entity.Region = v);
        changes.Set("private", entity.IsPrivate, desired.Private, v => entity.IsPrivate = v);
        changes.Set("enabled", entity.Enabled, desired.Enabled, v => entity.Enabled = v);
        if (desired.Credential is { } credential && !plan.HasCredential(entity.EncryptedCredential, credential))
        {
            // Never the value, not even masked: the change list ends up in CI logs.
            changes.Note(entity.EncryptedCredential is null ? "credential set" : "credential changed");
            entity.EncryptedCredential = plan.Protector.Protect(credential);
        }
    }
}
