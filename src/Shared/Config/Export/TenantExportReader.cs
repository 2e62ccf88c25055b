using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>
/// Reads one tenant's configuration back into the document model, in a stable order (by name,
/// ordinal), without secrets: no credentials, no key hashes, no passwords, no revoked keys.
/// </summary>
internal static class TenantExportReader
{
    public static async Task<TenantConfig?> ReadAsync(PlatformDbContextFactory factory, string slug, CancellationToken cancellationToken)
    {
        Tenant tenant;
        await using (var global = factory.Create(null))
        {
            var found = await global.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            if (found is null)
            {
                return null;
            }

            tenant = found;
        }

        await using var db = factory.Create(tenant.Id);
        var providers = await db.Providers.AsNoTracking().ToListAsync(cancellationToken);
        var models = await db.Models.AsNoTracking().ToListAsync(cancellationToken);
        var tiers = await db.Tiers.AsNoTracking().Include(t => t.Models).ToListAsync(cancellationToken);
        var policies = await db.FallbackPolicies.AsNoTracking().ToListAsync(cancellationToken);
        var routes = await db.Routes.AsNoTracking().Include(r => r.Candidates).ToListAsync(cancellationToken);
        var prompts = await db.Prompts.AsNoTracking().Include(p => p.Versions).Include(p => p.Labels).AsSplitQuery().ToListAsync(cancellationToken);
        var budgets = await db.Budgets.AsNoTracking().ToListAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(cancellationToken);
        var members = await MembersAsync(db, cancellationToken);

        var providerNames = providers.ToDictionary(p => p.Id, p => p.Name);
        var modelNames = models.ToDictionary(m => m.Id, m => m.Name);
        var tierNames = tiers.ToDictionary(t => t.Id, t => t.Name);
        var policyNames = policies.ToDictionary(p => p.Id, p => p.Name);
        return new TenantConfig
        {
            Slug = slug,
            Name = tenant.Name,
            RequestsPerMinute = tenant.RequestsPerMinute,
            TokensPerMinute = tenant.TokensPerMinute,
            Providers = [.. providers.OrderBy(p => p.Name, StringComparer.Ordinal).Select(ExportMapping.Provider)],
            Models = [.. models.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => ExportMapping.Model(m, providerNames[m.ProviderId]))],
            Tiers = [.. tiers.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => ExportMapping.Tier(t, modelNames))],
            FallbackPolicies = [.. policies.OrderBy(p => p.Name, StringComparer.Ordinal).Select(ExportMapping.Policy)],
            Routes = [.. routes.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => ExportMapping.Route(r, modelNames, tierNames, policyNames))],
            Prompts = [.. prompts.OrderBy(p => p.Name, StringComparer.Ordinal).Select(ExportMapping.Prompt)],
            Budgets = [.. budgets.OrderBy(b => b.Name, StringComparer.Ordinal).Select(ExportMapping.Budget)],
            ApiKeys = [.. keys.OrderBy(k => k.Name, StringComparer.Ordinal).Select(ExportMapping.ApiKey)],
            Members = members,
        };
    }

    private static async Task<List<MemberConfig>> MembersAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.AsNoTracking().ToListAsync(cancellationToken);
        var userIds = memberships.Select(m => m.UserId).ToList();
        var emails = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        return
        [
            .. memberships
                .Where(m => emails.ContainsKey(m.UserId))
                .Select(m => new MemberConfig { Email = emails[m.UserId], Role = m.Role })
                .OrderBy(m => m.Email, StringComparer.Ordinal),
        ];
    }
}
