using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Configuration;

public sealed class LastKnownGoodTests : IDisposable
{
    private readonly PolicyTestEnvironment _env = new();

    [Fact]
    public async Task Reload_Succeeded_WritesFileWithEncryptedCredentialsOnly()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var services = _env.BuildDataPlane();

        await services.GetRequiredService<PolicyLoader>().ReloadNowAsync();

        var file = services.GetRequiredService<LastKnownGoodFile>().FilePath;
        Assert.Equal(Path.Combine(_env.DataDirectory, "snapshots", "policy.json"), file);
        var json = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain(PolicySeed.OpenAiSecret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(PolicySeed.AnthropicSecret, json, StringComparison.Ordinal);
        Assert.Contains(await EncryptedCredentialAsync(tenant.Id, "openai"), json, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
    }

    [Fact]
    public async Task Start_DatabaseUnreadable_ServesLastKnownGoodWithCredentialsDecryptedFromMirroredKeys()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var key = await PolicySeed.AddKeyAsync(_env, tenant.Id, "k");
        var healthy = _env.BuildDataPlane();
        await healthy.GetRequiredService<PolicyLoader>().ReloadNowAsync();
        var loaded = healthy.GetRequiredService<PolicyStore>().Current;
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_env.DataDirectory, "keys"), "*.xml"));

        // A new process whose database is a file SQLite cannot open: only the data directory is left.
        var services = _env.BuildDataPlane(connectionString: _env.CreateNotADatabase());
        var loader = services.GetRequiredService<PolicyLoader>();
        await loader.StartAsync(CancellationToken.None);
        try
        {
            var snapshot = services.GetRequiredService<PolicyStore>().Current;

            Assert.True(snapshot.FromLastKnownGood);
            Assert.Equal(loaded.LoadedAt, snapshot.LoadedAt);
            var policy = snapshot.Tenants[tenant.Id];
            Assert.Equal(loaded.Tenants[tenant.Id].ConfigVersion, policy.ConfigVersion);
            Assert.Equal(PolicySeed.OpenAiSecret, policy.Providers["openai"].Credential);
            Assert.Equal(PolicySeed.AnthropicSecret, policy.Providers["anthropic"].Credential);
            Assert.Null(policy.Providers["broken"].Credential);
            Assert.Equal(new[] { "openai/gpt-a", "openai/gpt-b", "anthropic/claude" }, policy.Routes["support_summary"].Candidates.Select(c => c.Model.Name));
            var rules = policy.Routes["support_summary"].Fallback;
            Assert.Equal("careful", rules.Name);
            Assert.Equal(loaded.Tenants[tenant.Id].Routes["support_summary"].Fallback.RetryOn.Order(), rules.RetryOn.Order());
            Assert.Equal(tenant.Id, snapshot.Keys[key].TenantId);
            Assert.Equal(new[] { "support_summary" }, snapshot.Keys[key].AllowedRoutes);
            Assert.Equal(100.5m, Assert.Single(policy.Budgets).LimitUsd);
            Assert.Equal(1, policy.Prompts["summary"].Labels["production"]);
            Assert.Equal(ModelCapabilities.Streaming | ModelCapabilities.Tools, policy.Models["openai/gpt-a"].Capabilities);
            Assert.False(policy.Providers["anthropic"].Enabled);
        }
        finally
        {
            await loader.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ReloadNow_DatabaseBackAfterLastKnownGood_ReplacesSnapshot()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        await _env.BuildDataPlane().GetRequiredService<PolicyLoader>().ReloadNowAsync();
        var connectionString = _env.CreateNotADatabase();
        var services = _env.BuildDataPlane(connectionString: connectionString);
        var loader = services.GetRequiredService<PolicyLoader>();
        var store = services.GetRequiredService<PolicyStore>();
        await loader.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(store.Current.FromLastKnownGood);
            Assert.False(await loader.ReloadNowAsync());
            Assert.True(store.Current.FromLastKnownGood);

            SqliteConnection.ClearAllPools();
            File.Copy(_env.DatabaseFile, new SqliteConnectionStringBuilder(connectionString).DataSource, overwrite: true);

            Assert.True(await loader.ReloadNowAsync());
            Assert.False(store.Current.FromLastKnownGood);
            Assert.Equal(PolicySeed.OpenAiSecret, store.Current.Tenants[tenant.Id].Providers["openai"].Credential);
        }
        finally
        {
            await loader.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Start_NoDatabaseAndNoFile_ServesEmptySnapshotAndKeepsRetrying()
    {
        var tenant = await _env.CreateTenantAsync();
        var connectionString = _env.CreateNotADatabase();
        var services = _env.BuildDataPlane(connectionString: connectionString);
        var loader = services.GetRequiredService<PolicyLoader>();
        var store = services.GetRequiredService<PolicyStore>();

        await loader.StartAsync(CancellationToken.None);
        try
        {
            Assert.Empty(store.Current.Tenants);
            Assert.Empty(store.Current.Keys);
            Assert.False(store.Current.FromLastKnownGood);

            SqliteConnection.ClearAllPools();
            File.Copy(_env.DatabaseFile, new SqliteConnectionStringBuilder(connectionString).DataSource, overwrite: true);

            Assert.True(await loader.ReloadNowAsync());
            Assert.True(store.Current.Tenants.ContainsKey(tenant.Id));
        }
        finally
        {
            await loader.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Start_CorruptFileAndNoDatabase_ServesEmptySnapshot()
    {
        var file = Path.Combine(_env.DataDirectory, "snapshots", "policy.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "{\"format\":1,\"tenants\":[{");
        var services = _env.BuildDataPlane(connectionString: _env.CreateNotADatabase());
        var loader = services.GetRequiredService<PolicyLoader>();

        await loader.StartAsync(CancellationToken.None);
        await loader.StopAsync(CancellationToken.None);

        Assert.Same(PolicySnapshot.Empty, services.GetRequiredService<PolicyStore>().Current);
    }

    private async Task<string> EncryptedCredentialAsync(Guid tenantId, string provider)
    {
        await using var db = _env.CreateContext(tenantId);
        return db.Providers.Single(p => p.Name == provider).EncryptedCredential!;
    }

    public void Dispose() => _env.Dispose();
}
