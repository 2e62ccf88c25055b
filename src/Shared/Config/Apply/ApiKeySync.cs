using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;
using Platform.Shared.Security;

namespace Platform.Shared.Config;

/// <summary>
/// Keys are ensured, never deleted: created when missing (from the file's plain-text key, which
/// development allows, or a generated one shown once), and their scopes and limits kept in line.
/// </summary>
internal static class ApiKeySync
{
    private const string Kind = "api key";

    public static async Task SyncAsync(TenantPlan plan, CancellationToken cancellationToken)
    {
        foreach (var desired in plan.Config.ApiKeys)
        {
            var hash = await HashAsync(plan, desired, cancellationToken);
            if (desired.Key is not null && hash is null)
            {
                continue;
            }

            var path = plan.PathOf(desired.Name);
            var entity = plan.State.ApiKeys.Find(k => k.Name == desired.Name);
            var changes = new FieldChanges();
            if (entity is null)
            {
                var key = desired.Key ?? ApiKeySecret.Generate();
                entity = new ApiKey { Name = desired.Name, Prefix = ApiKeySecret.PrefixOf(key), Hash = ApiKeySecret.Hash(key) };
                plan.Db.ApiKeys.Add(entity);
                if (desired.Key is null)
                {
                    plan.GeneratedKeys.Add(new GeneratedApiKey(plan.Tenant.Slug, desired.Name, key));
                }

                plan.Log.Add($"create {Kind} {path}{(desired.Key is null ? " (key generated, shown once)" : "")}");
                Update(entity, desired, new FieldChanges());
                continue;
            }

            if (hash is not null && hash != entity.Hash)
            {
                changes.Note("key replaced");
                entity.Hash = hash;
                entity.Prefix = ApiKeySecret.PrefixOf(desired.Key!);
            }

            Update(entity, desired, changes);
            plan.Log.Updated(Kind, path, changes);
        }
    }

    /// <summary>The hash of the file's plain-text key, or null (and an error) when it may not be used.</summary>
    private static async Task<string?> HashAsync(TenantPlan plan, ApiKeyConfig desired, CancellationToken cancellationToken)
    {
        if (desired.Key is null)
        {
            return null;
        }

        if (!plan.Options.AllowPlaintextKeys)
        {
            plan.Log.Error(desired.Location,
                $"api key '{desired.Name}' is given in plain text, which is for development only; " +
                "remove 'key' to have one generated, or allow plain-text keys");
            return null;
        }

        var hash = ApiKeySecret.Hash(desired.Key);
        var taken = plan.State.ApiKeys.Any(k => k.Hash == hash && k.Name != desired.Name)
            || plan.Config.ApiKeys.Any(k => k.Key == desired.Key && k.Name != desired.Name)
            || await plan.Db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Hash == hash && k.TenantId != plan.Tenant.Id, cancellationToken);
        if (taken)
        {
            plan.Log.Error(desired.Location, $"the key of api key '{desired.Name}' is already in use by another key");
            return null;
        }

        return hash;
    }

    private static void Update(ApiKey entity, ApiKeyConfig desired, FieldChanges changes)
    {
        changes.SetList("endpoints", entity.AllowedEndpoints, desired.Endpoints, v => entity.AllowedEndpoints = v);
        changes.SetList("routes", entity.AllowedRoutes, desired.Routes, v => entity.AllowedRoutes = v);
        changes.SetList("models", entity.AllowedModels, desired.Models, v => entity.AllowedModels = v);
        changes.Set("requestsPerMinute", entity.RequestsPerMinute, desired.RequestsPerMinute, v => entity.RequestsPerMinute = v);
        changes.Set("tokensPerMinute", entity.TokensPerMinute, desired.TokensPerMinute, v => entity.TokensPerMinute = v);
        changes.Set("expiresAt", entity.ExpiresAt, desired.ExpiresAt, v => entity.ExpiresAt = v);
    }
}
