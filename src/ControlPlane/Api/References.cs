using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;

namespace Platform.ControlPlane.Api;

/// <summary>
/// What still refers to a policy row, in words for a 409: a delete (or a rename, where the reference
/// is by name) must not leave anything pointing at nothing. Revoked API keys do not count.
/// </summary>
internal static class References
{
    public static async Task<string?> ToProviderAsync(PlatformDbContext db, Guid providerId, CancellationToken ct) =>
        Describe(("models", await db.Models.Where(m => m.ProviderId == providerId).Select(m => m.Name).ToListAsync(ct)));

    public static async Task<string?> ToModelAsync(PlatformDbContext db, Guid modelId, string name, CancellationToken ct) =>
        Describe(
            ("tiers", await db.TierModels.Where(m => m.ModelId == modelId).Join(db.Tiers, m => m.TierId, t => t.Id, (_, t) => t.Name).ToListAsync(ct)),
            ("routes", await db.RouteCandidates.Where(c => c.ModelId == modelId).Join(db.Routes, c => c.RouteId, r => r.Id, (_, r) => r.Name).ToListAsync(ct)),
            ("API keys", await KeysAsync(db, name, allowedModels: true, ct)));

    /// <summary>By name only: what would break if the model were renamed.</summary>
    public static async Task<string?> ToModelNameAsync(PlatformDbContext db, string name, CancellationToken ct) =>
        Describe(("API keys", await KeysAsync(db, name, allowedModels: true, ct)));

    public static async Task<string?> ToTierAsync(PlatformDbContext db, Guid tierId, string name, CancellationToken ct) =>
        Describe(
            ("routes", await db.Routes.Where(r => r.TierId == tierId).Select(r => r.Name).ToListAsync(ct)),
            ("budgets (downgrade tier)", await db.Budgets.Where(b => b.DowngradeTier == name).Select(b => b.Name).ToListAsync(ct)));

    /// <summary>By name only: what would break if the tier were renamed.</summary>
    public static async Task<string?> ToTierNameAsync(PlatformDbContext db, string name, CancellationToken ct) =>
        Describe(("budgets (downgrade tier)", await db.Budgets.Where(b => b.DowngradeTier == name).Select(b => b.Name).ToListAsync(ct)));

    public static async Task<string?> ToPolicyAsync(PlatformDbContext db, Guid policyId, CancellationToken ct) =>
        Describe(("routes", await db.Routes.Where(r => r.FallbackPolicyId == policyId).Select(r => r.Name).ToListAsync(ct)));

    /// <summary>API key scopes name routes; deleting or renaming a route they list would change what the key may call.</summary>
    public static async Task<string?> ToRouteNameAsync(PlatformDbContext db, string name, CancellationToken ct) =>
        Describe(("API keys", await KeysAsync(db, name, allowedModels: false, ct)));

    /// <summary>Scopes are small JSON lists, so they are matched here rather than in SQL (SQLite and SQL Server differ).</summary>
    private static async Task<List<string>> KeysAsync(PlatformDbContext db, string name, bool allowedModels, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null)
            .Select(k => new { k.Name, k.AllowedModels, k.AllowedRoutes })
            .ToListAsync(ct);
        return [.. keys.Where(k => (allowedModels ? k.AllowedModels : k.AllowedRoutes).Contains(name)).Select(k => k.Name)];
    }

    private static string? Describe(params (string What, List<string> Names)[] users)
    {
        var used = users.Where(u => u.Names.Count > 0)
            .Select(u => $"{u.What} {string.Join(", ", u.Names.Distinct().Order(StringComparer.Ordinal).Select(n => $"'{n}'"))}")
            .ToList();
        return used.Count == 0 ? null : "still used by " + string.Join("; ", used);
    }
}
