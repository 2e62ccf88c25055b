using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>What the database holds for one tenant, tracked, before the file is applied.</summary>
internal sealed class TenantState
{
    public List<Provider> Providers { get; private init; } = [];

    public List<CatalogModel> Models { get; private init; } = [];

    public List<Tier> Tiers { get; private init; } = [];

    public List<FallbackPolicy> Policies { get; private init; } = [];

    public List<TaskRoute> Routes { get; private init; } = [];

    public List<Prompt> Prompts { get; private init; } = [];

    public List<Budget> Budgets { get; private init; } = [];

    public List<ApiKey> ApiKeys { get; private init; } = [];

    public List<Membership> Memberships { get; private init; } = [];

    /// <summary>The users the file's members name, by normalized email.</summary>
    public Dictionary<string, PlatformUser> Users { get; private init; } = [];

    public static async Task<TenantState> LoadAsync(
        PlatformDbContext db, PlatformDbContext global, TenantConfig config, CancellationToken cancellationToken)
    {
        var emails = config.Members.Select(m => m.Email.ToUpperInvariant()).ToList();
        await global.Users.Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)).LoadAsync(cancellationToken);
        return new TenantState
        {
            Providers = await db.Providers.ToListAsync(cancellationToken),
            Models = await db.Models.ToListAsync(cancellationToken),
            Tiers = await db.Tiers.Include(t => t.Models).ToListAsync(cancellationToken),
            Policies = await db.FallbackPolicies.ToListAsync(cancellationToken),
            Routes = await db.Routes.Include(r => r.Candidates).ToListAsync(cancellationToken),
            Prompts = await db.Prompts.Include(p => p.Versions).Include(p => p.Labels).AsSplitQuery().ToListAsync(cancellationToken),
            Budgets = await db.Budgets.ToListAsync(cancellationToken),
            ApiKeys = await db.ApiKeys.ToListAsync(cancellationToken),
            Memberships = await db.Memberships.ToListAsync(cancellationToken),

            // Local also holds the users an earlier tenant of the same file is about to create.
            Users = global.Users.Local
                .Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))
                .ToDictionary(u => u.NormalizedEmail!),
        };
    }
}
