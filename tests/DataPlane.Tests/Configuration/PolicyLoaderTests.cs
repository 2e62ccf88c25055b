using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Configuration;

public sealed class PolicyLoaderTests : IDisposable
{
    private readonly PolicyTestEnvironment _env = new();

    [Fact]
    public async Task Reload_ApiKeysOfAllTenants_IndexedByHashWithLimitsExpiryAndRevocation()
    {
        var first = await _env.CreateTenantAsync();
        var second = await _env.CreateTenantAsync();
        var expiry = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var revokedAt = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var active = await PolicySeed.AddKeyAsync(_env, first.Id, "active");
        var expiring = await PolicySeed.AddKeyAsync(_env, first.Id, "expiring", expiresAt: expiry);
        var revoked = await PolicySeed.AddKeyAsync(_env, second.Id, "revoked", revokedAt: revokedAt);
        var services = _env.BuildDataPlane();

        await services.GetRequiredService<PolicyLoader>().ReloadNowAsync();
        var keys = services.GetRequiredService<PolicyStore>().Current.Keys;

        Assert.Equal(3, keys.Count);
        var key = keys[active];
        Assert.Equal((first.Id, "active"), (key.TenantId, key.Name));
        Assert.Equal(new[] { "support_summary" }, key.AllowedRoutes);
        Assert.Equal(new[] { "chat" }, key.AllowedEndpoints);
        Assert.Empty(key.AllowedModels);
        Assert.Equal((60, 10_000), (key.RequestsPerMinute, key.TokensPerMinute));
        Assert.Null(key.ExpiresAt);
        Assert.Null(key.RevokedAt);
        Assert.Equal(expiry, keys[expiring].ExpiresAt);
        Assert.Equal((second.Id, revokedAt), (keys[revoked].TenantId, keys[revoked].RevokedAt));
    }

    [Fact]
    public async Task Reload_DisabledTenant_LeavesOutItsPolicyAndKeys()
    {
        var enabled = await _env.CreateTenantAsync();
        var disabled = await _env.CreateTenantAsync();
        var enabledKey = await PolicySeed.AddKeyAsync(_env, enabled.Id, "k");
        var disabledKey = await PolicySeed.AddKeyAsync(_env, disabled.Id, "k");
        await using (var system = _env.CreateContext(null))
        {
            await system.Tenants.Where(t => t.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Disabled, true));
        }

        var services = _env.BuildDataPlane();
        await services.GetRequiredService<PolicyLoader>().ReloadNowAsync();
        var snapshot = services.GetRequiredService<PolicyStore>().Current;

        Assert.True(snapshot.Tenants.ContainsKey(enabled.Id));
        Assert.False(snapshot.Tenants.ContainsKey(disabled.Id));
        Assert.True(snapshot.Keys.ContainsKey(enabledKey));
        Assert.False(snapshot.Keys.ContainsKey(disabledKey));
    }

    [Fact]
    public async Task ReloadNow_OneTenantChanged_RecompilesOnlyThatTenant()
    {
        var changed = await _env.CreateTenantAsync();
        var unchanged = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, changed);
        await PolicySeed.SeedAsync(_env, unchanged);
        var services = _env.BuildDataPlane();
        var loader = services.GetRequiredService<PolicyLoader>();
        var store = services.GetRequiredService<PolicyStore>();
        await loader.ReloadNowAsync();
        var before = store.Current;

        await using (var db = _env.CreateContext(changed.Id))
        {
            var route = await db.Routes.SingleAsync(r => r.Name == "support_summary");
            route.Strategy = RoutingStrategy.LeastCost;
            await db.SaveChangesAsync();
        }

        Assert.True(await loader.ReloadNowAsync());
        var after = store.Current;

        Assert.NotSame(before, after);
        Assert.Equal(RoutingStrategy.LeastCost, after.Tenants[changed.Id].Routes["support_summary"].Strategy);
        Assert.True(after.Tenants[changed.Id].ConfigVersion > before.Tenants[changed.Id].ConfigVersion);
        Assert.Same(before.Tenants[unchanged.Id], after.Tenants[unchanged.Id]);
    }

    [Fact]
    public async Task ReloadNow_NothingChanged_KeepsTheSameSnapshot()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var services = _env.BuildDataPlane();
        var loader = services.GetRequiredService<PolicyLoader>();
        var store = services.GetRequiredService<PolicyStore>();
        Assert.True(await loader.ReloadNowAsync());
        var before = store.Current;

        Assert.False(await loader.ReloadNowAsync());

        Assert.Same(before, store.Current);
    }

    [Fact]
    public async Task ReloadNow_TenantDisabledAfterLoad_DropsTenantAndKeys()
    {
        var tenant = await _env.CreateTenantAsync();
        var key = await PolicySeed.AddKeyAsync(_env, tenant.Id, "k");
        var services = _env.BuildDataPlane();
        var loader = services.GetRequiredService<PolicyLoader>();
        var store = services.GetRequiredService<PolicyStore>();
        await loader.ReloadNowAsync();
        Assert.True(store.Current.Keys.ContainsKey(key));

        await using (var system = _env.CreateContext(null))
        {
            await system.Tenants.Where(t => t.Id == tenant.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Disabled, true));
        }

        Assert.True(await loader.ReloadNowAsync());
        Assert.False(store.Current.Tenants.ContainsKey(tenant.Id));
        Assert.False(store.Current.Keys.ContainsKey(key));
    }

    [Fact]
    public async Task Poll_RowChangedWhileRunning_NewSnapshotVisibleWithinTwoSeconds()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var services = _env.BuildDataPlane(pollInterval: TimeSpan.FromMilliseconds(100));
        var loader = services.GetRequiredService<PolicyLoader>();
        var store = services.GetRequiredService<PolicyStore>();
        await loader.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(RoutingStrategy.Weighted, store.Current.Tenants[tenant.Id].Routes["support_summary"].Strategy);
            var swapped = new TaskCompletionSource<PolicySnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            store.Swapped += snapshot => swapped.TrySetResult(snapshot);

            await using (var db = _env.CreateContext(tenant.Id))
            {
                var route = await db.Routes.SingleAsync(r => r.Name == "support_summary");
                route.Strategy = RoutingStrategy.Hedged;
                await db.SaveChangesAsync();
            }

            var next = await swapped.Task.WaitAsync(TimeSpan.FromSeconds(2));
            Assert.Equal(RoutingStrategy.Hedged, next.Tenants[tenant.Id].Routes["support_summary"].Strategy);
            Assert.Same(next, store.Current);
        }
        finally
        {
            await loader.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Options_NonPositivePollInterval_FailValidation()
    {
        var validator = new PolicyLoaderOptionsValidator();

        var result = validator.Validate(null, new PolicyLoaderOptions { PolicyPollInterval = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("DataPlane:PolicyPollInterval", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new PolicyLoaderOptions()).Succeeded);
    }

    [Fact]
    public void Options_Bound_ReadFromDataPlaneSection()
    {
        var services = _env.BuildDataPlane(pollInterval: TimeSpan.FromMilliseconds(250));

        var options = services.GetRequiredService<IOptions<PolicyLoaderOptions>>().Value;

        Assert.Equal(TimeSpan.FromMilliseconds(250), options.PolicyPollInterval);
    }

    public void Dispose() => _env.Dispose();
}
