using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>Loads routes with every model they can fall back to, for <see cref="RouteFeasibility"/>.</summary>
internal static class RouteChecks
{
    public static Expression<Func<TaskRoute, bool>> UsingModel(Guid modelId) =>
        r => r.Candidates.Any(c => c.ModelId == modelId) || (r.Tier != null && r.Tier.Models.Any(m => m.ModelId == modelId));

    public static Expression<Func<TaskRoute, bool>> UsingProvider(Guid providerId) =>
        r => r.Candidates.Any(c => c.Model!.ProviderId == providerId) || (r.Tier != null && r.Tier.Models.Any(m => m.Model!.ProviderId == providerId));

    public static Expression<Func<TaskRoute, bool>> UsingTier(Guid tierId) => r => r.TierId == tierId;

    /// <summary>A check for <see cref="PolicyWrites.SaveAsync"/>: the routes <paramref name="which"/> selects must all stay servable.</summary>
    public static Func<CancellationToken, Task<string?>> StayServable(PlatformDbContext db, Expression<Func<TaskRoute, bool>> which, string change) =>
        async ct =>
        {
            var routes = await db.Routes.AsNoTracking().Where(which)
                .Include(r => r.Candidates).ThenInclude(c => c.Model).ThenInclude(m => m!.Provider)
                .Include(r => r.Tier).ThenInclude(t => t!.Models).ThenInclude(m => m.Model).ThenInclude(m => m!.Provider)
                .AsSplitQuery()
                .OrderBy(r => r.Name)
                .ToListAsync(ct);
            var broken = routes
                .Select(r => (r.Name, Problem: RouteFeasibility.Check(r.RequiredRegion, r.CustomerFacing, r.Sensitivity, CandidatesOf(r))))
                .Where(r => r.Problem is not null)
                .Select(r => $"route '{r.Name}': {r.Problem!.Reason}")
                .ToList();
            return broken.Count == 0 ? null : $"{change} would leave {string.Join(" ", broken)}";
        };

    public static IReadOnlyList<CatalogModel> CandidatesOf(TaskRoute route) =>
        route.Candidates.Count > 0
            ? [.. route.Candidates.OrderBy(c => c.Priority).Select(c => c.Model!)]
            : [.. (route.Tier?.Models ?? []).OrderBy(m => m.Priority).Select(m => m.Model!)];
}
