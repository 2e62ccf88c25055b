using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.Shared.Tests.Data;

/// <summary>
/// Every entity in the model is either tenant-owned (and filtered) or explicitly global. A new
/// entity that is neither fails here before it can leak one tenant's rows to another.
/// </summary>
public sealed class TenantIsolationArchitectureTests
{
    [Fact]
    public void Model_EveryEntity_IsTenantOwnedWithFilterOrExplicitlyGlobal()
    {
        using var database = new SqliteTestDatabase();
        using var db = database.CreateContext(new TenantContext());
        var problems = new List<string>();
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            var owned = typeof(ITenantOwned).IsAssignableFrom(clr);
            var global = typeof(IGlobalEntity).IsAssignableFrom(clr) || PlatformDbContext.FrameworkGlobalTypes.Contains(clr);
            if (owned == global)
            {
                problems.Add($"{clr.Name}: must be exactly one of ITenantOwned or IGlobalEntity.");
            }

            if (owned && entityType.GetDeclaredQueryFilters().Count == 0)
            {
                problems.Add($"{clr.Name}: tenant-owned but has no query filter.");
            }

            if (global && entityType.GetDeclaredQueryFilters().Count > 0)
            {
                problems.Add($"{clr.Name}: global but filtered.");
            }
        }

        Assert.Empty(problems);
        Assert.Contains(db.Model.GetEntityTypes(), e => e.ClrType == typeof(UsageEvent));
    }

    [Fact]
    public void DomainAssembly_EveryEntityClass_IsInTheModel()
    {
        using var database = new SqliteTestDatabase();
        using var db = database.CreateContext(new TenantContext());
        var modelTypes = db.Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet();
        var domainTypes = typeof(ITenantOwned).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t) || typeof(IGlobalEntity).IsAssignableFrom(t));

        Assert.All(domainTypes, t => Assert.Contains(t, modelTypes));
    }
}
