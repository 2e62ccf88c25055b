using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Hosting;
using Platform.Shared.Security;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// The control plane's side of a test: migrates the database and applies config-as-code YAML
/// with the same registrations the control plane uses (credentials encrypted with the Data
/// Protection keys stored in the database).
/// </summary>
internal sealed class ConfigSeeder : IDisposable
{
    private readonly ServiceProvider _services;

    public ConfigSeeder(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseOptions.Sqlite,
            ["Database:DataDirectory"] = dataDirectory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlatformDatabase(configuration);
        services.AddPlatformSecrets();
        services.AddPlatformConfigAsCode();
        _services = services.BuildServiceProvider();
    }

    /// <summary>Migrates, and creates the Data Protection key before any data plane starts, so both sides share it.</summary>
    public async Task InitializeAsync()
    {
        await using (var db = CreateContext(null))
        {
            await db.Database.MigrateAsync();
        }

        _services.GetRequiredService<ICredentialProtector>().Protect("warm-up");
    }

    public PlatformDbContext CreateContext(Guid? tenantId) =>
        _services.GetRequiredService<PlatformDbContextFactory>().Create(tenantId);

    public async Task ApplyAsync(string yaml, Func<string, string?> environment)
    {
        var parsed = ConfigParser.Parse(yaml, "test.yaml", environment);
        Assert.True(parsed.Succeeded, "YAML does not parse: " + string.Join("; ", parsed.Errors) + "\n" + yaml);
        var result = await _services.GetRequiredService<ConfigApplier>()
            .ApplyAsync(parsed.Document!, new ConfigApplyOptions { AllowPlaintextKeys = true });
        Assert.True(result.Succeeded, "YAML does not apply: " + string.Join("; ", result.Errors));
    }

    public async Task<Guid> TenantIdAsync(string slug)
    {
        await using var db = CreateContext(null);
        return await db.Tenants.AsNoTracking().Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
    }

    public void Dispose() => _services.Dispose();
}
