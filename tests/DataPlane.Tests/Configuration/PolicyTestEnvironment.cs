using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.DataPlane.Configuration;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Hosting;
using Platform.Shared.Security;

namespace Platform.DataPlane.Tests.Configuration;

/// <summary>
/// A real, migrated SQLite file in its own temp folder (the data directory, so snapshots and key
/// mirror land there too), a control-plane service provider that encrypts credentials the way the
/// control plane does, and data-plane service providers built with the production registrations.
/// </summary>
internal sealed class PolicyTestEnvironment : IDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private ServiceProvider? _controlPlane;

    public PolicyTestEnvironment()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "platform-tests", Guid.NewGuid().ToString("N"));
        Database = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, DataDirectory = DataDirectory };
        using var db = CreateContext(null);
        db.Database.Migrate();
    }

    public string DataDirectory { get; }

    public DatabaseOptions Database { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "platform.db");

    public ListLoggerProvider Logs { get; } = new();

    public PlatformDbContext CreateContext(Guid? tenantId)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        builder.UsePlatformDatabase(Database);
        return new PlatformDbContext(builder.Options, tenantId is { } id ? new TenantContext(id) : new TenantContext());
    }

    public async Task<Tenant> CreateTenantAsync(bool disabled = false)
    {
        var tenant = new Tenant { Slug = "t-" + Guid.NewGuid().ToString("N")[..12], Name = "Test", Disabled = disabled };
        await using var system = CreateContext(null);
        system.Tenants.Add(tenant);
        await system.SaveChangesAsync();
        return tenant;
    }

    public async Task<long> ConfigVersionAsync(Guid tenantId)
    {
        await using var system = CreateContext(null);
        return await system.Tenants.Where(t => t.Id == tenantId).Select(t => t.ConfigVersion).SingleAsync();
    }

    /// <summary>Encrypts like the control plane: Shared's <c>AddPlatformSecrets</c>, keys in the database.</summary>
    public ICredentialProtector ControlPlaneProtector()
    {
        if (_controlPlane is null)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddPlatformDatabase(Configuration(null, null));
            services.AddPlatformSecrets();
            _controlPlane = services.BuildServiceProvider();
        }

        return _controlPlane.GetRequiredService<ICredentialProtector>();
    }

    /// <summary>A data plane's services as the host registers them; <paramref name="connectionString"/> overrides the database.</summary>
    public ServiceProvider BuildDataPlane(TimeSpan? pollInterval = null, string? connectionString = null)
    {
        var configuration = Configuration(connectionString, pollInterval ?? TimeSpan.FromMinutes(5));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(configuration);
        services.AddPlatformDatabase(configuration);
        services.AddDataPlaneSecrets();
        services.AddPolicySnapshots(configuration);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>A file in the data directory that SQLite refuses to open as a database.</summary>
    public string CreateNotADatabase()
    {
        var path = Path.Combine(DataDirectory, "not-a-database.db");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("this is not a SQLite database. ", 200)));
        return $"Data Source={path};Default Timeout=5";
    }

    private IConfiguration Configuration(string? connectionString, TimeSpan? pollInterval) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseOptions.Sqlite,
            ["Database:DataDirectory"] = DataDirectory,
            ["Database:ConnectionString"] = connectionString,
            ["DataPlane:PolicyPollInterval"] = pollInterval?.ToString(),
        }).Build();

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        _controlPlane?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open elsewhere; the OS cleans the temp folder.
        }
    }
}
