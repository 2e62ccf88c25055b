using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.Shared.Tests.Data;

public sealed class TenantFilterTests
{
    [Fact]
    public async Task Query_OtherTenantsRows_AreInvisible()
    {
        using var database = new SqliteTestDatabase();
        var (_, alpha) = await database.CreateTenantAsync("alpha");
        var (_, beta) = await database.CreateTenantAsync("beta");
        await using (alpha)
        await using (beta)
        {
            alpha.Providers.Add(new Provider { Name = "alpha-openai", BaseUrl = "http://127.0.0.1:1" });
            await alpha.SaveChangesAsync();

            Assert.Empty(await beta.Providers.ToListAsync());
            Assert.Single(await alpha.Providers.ToListAsync());
            Assert.Single(await beta.Providers.IgnoreQueryFilters().ToListAsync());
        }
    }

    [Fact]
    public async Task Query_NoTenantInScope_SeesNothing()
    {
        using var database = new SqliteTestDatabase();
        var (_, alpha) = await database.CreateTenantAsync("alpha");
        await using (alpha)
        {
            alpha.Budgets.Add(new Budget { Name = "monthly", LimitUsd = 10 });
            await alpha.SaveChangesAsync();
        }

        await using var unscoped = database.CreateContext(new TenantContext());
        Assert.Empty(await unscoped.Budgets.ToListAsync());
    }

    [Fact]
    public async Task Save_RowOfAnotherTenant_Throws()
    {
        using var database = new SqliteTestDatabase();
        var (betaTenant, beta) = await database.CreateTenantAsync("beta");
        await beta.DisposeAsync();
        var (_, alpha) = await database.CreateTenantAsync("alpha");
        await using (alpha)
        {
            alpha.Providers.Add(new Provider { Name = "smuggled", BaseUrl = "http://127.0.0.1:1", TenantId = betaTenant.Id });
            await Assert.ThrowsAsync<TenantIsolationException>(() => alpha.SaveChangesAsync());
        }

        await using var betaAgain = database.CreateContext(new TenantContext(betaTenant.Id));
        Assert.Empty(await betaAgain.Providers.ToListAsync());
    }

    [Fact]
    public async Task Save_PolicyChange_BumpsConfigVersionOnce()
    {
        using var database = new SqliteTestDatabase();
        var (tenant, db) = await database.CreateTenantAsync("alpha");
        await using (db)
        {
            db.Providers.Add(new Provider { Name = "p1", BaseUrl = "http://127.0.0.1:1" });
            db.Providers.Add(new Provider { Name = "p2", BaseUrl = "http://127.0.0.1:2" });
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext(new TenantContext());
        var version = await check.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.ConfigVersion).SingleAsync();
        Assert.Equal(1, version);
    }

    [Fact]
    public async Task Save_UsageEvent_DoesNotBumpConfigVersion()
    {
        using var database = new SqliteTestDatabase();
        var (tenant, db) = await database.CreateTenantAsync("alpha");
        await using (db)
        {
            db.UsageEvents.Add(new UsageEvent { Endpoint = "chat", StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext(new TenantContext());
        var version = await check.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.ConfigVersion).SingleAsync();
        Assert.Equal(0, version);
    }

    [Fact]
    public async Task Save_ModifiedRow_RenewsConcurrencyStamp()
    {
        using var database = new SqliteTestDatabase();
        var (_, db) = await database.CreateTenantAsync("alpha");
        await using (db)
        {
            var provider = new Provider { Name = "p1", BaseUrl = "http://127.0.0.1:1" };
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            var before = provider.ConcurrencyStamp;

            provider.Region = "eu";
            await db.SaveChangesAsync();

            Assert.NotEqual(before, provider.ConcurrencyStamp);
        }
    }
}
