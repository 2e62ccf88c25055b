using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;

namespace Platform.DataPlane.Configuration;

/// <summary>
/// Reads policy rows into <see cref="TenantDocument"/>s. Every tenant read goes through a context
/// scoped to that tenant, so the query filters guarantee it sees nothing else.
/// </summary>
/// <remarks>
/// The tenant's version is read before its rows. A change committed while the rows are read bumps
/// the version again (the bump commits with the change), so the next poll recompiles: a reload can
/// be momentarily behind, never stuck on a torn read.
/// </remarks>
internal sealed class PolicyReader(PlatformDbContextFactory contexts)
{
    public async Task<IReadOnlyList<TenantVersion>> ReadTenantVersionsAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(null);
        return await db.Tenants.AsNoTracking()
            .Select(t => new TenantVersion(t.Id, t.Slug, t.ConfigVersion, t.Disabled, t.RequestsPerMinute, t.TokensPerMinute))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Nine round trips per tenant, whatever the number of rows.</summary>
    public async Task<TenantDocument> ReadTenantAsync(TenantVersion tenant, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(tenant.Id);
        var providers = await db.Providers.AsNoTracking().ToListAsync(cancellationToken);
        var models = await db.Models.AsNoTracking().ToListAsync(cancellationToken);
        var tiers = await db.Tiers.AsNoTracking().Include(t => t.Models).ToListAsync(cancellationToken);
        var fallbacks = await db.FallbackPolicies.AsNoTracking().ToListAsync(cancellationToken);
        var routes = await db.Routes.AsNoTracking().Include(r => r.Candidates).ToListAsync(cancellationToken);
        var prompts = await db.Prompts.AsNoTracking()
            .Include(p => p.Versions)
            .Include(p => p.Labels)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var budgets = await db.Budgets.AsNoTracking().ToListAsync(cancellationToken);

        return new TenantDocument(
            tenant.Id,
            tenant.Slug,
            tenant.ConfigVersion,
            [.. providers.Select(PolicyRowMapper.ToDocument)],
            [.. models.Select(PolicyRowMapper.ToDocument)],
            [.. tiers.Select(PolicyRowMapper.ToDocument)],
            [.. fallbacks.Select(PolicyRowMapper.ToDocument)],
            [.. routes.Select(PolicyRowMapper.ToDocument)],
            [.. prompts.Select(PolicyRowMapper.ToDocument)],
            [.. budgets.Select(PolicyRowMapper.ToDocument)],
            tenant.RequestsPerMinute,
            tenant.TokensPerMinute);
    }

    /// <summary>
    /// The data plane's one explicit cross-tenant read: a key arrives before its tenant is known,
    /// so the index over every tenant's key hashes is built from one unfiltered query.
    /// </summary>
    public async Task<IReadOnlyList<KeyDocument>> ReadKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(null);
        var keys = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
        return [.. keys.Select(PolicyRowMapper.ToDocument)];
    }
}
