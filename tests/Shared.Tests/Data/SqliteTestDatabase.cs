using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Hosting;

namespace Platform.Shared.Tests.Data;

/// <summary>A real, migrated SQLite file in a temp folder, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "platform-tests", Guid.NewGuid().ToString("N"));
        Options = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, DataDirectory = Directory };
        using var db = CreateContext(new TenantContext());
        db.Database.Migrate();
    }

    public string Directory { get; }

    public DatabaseOptions Options { get; }

    public PlatformDbContext CreateContext(ITenantContext tenant)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        builder.UsePlatformDatabase(Options);
        return new PlatformDbContext(builder.Options, tenant);
    }

    /// <summary>Creates a tenant (a global row) and returns a context scoped to it.</summary>
    public async Task<(Tenant Tenant, PlatformDbContext Db)> CreateTenantAsync(string slug)
    {
        var tenant = new Tenant { Slug = slug, Name = slug };
        await using (var system = CreateContext(new TenantContext()))
        {
            system.Tenants.Add(tenant);
            await system.SaveChangesAsync();
        }

        return (tenant, CreateContext(new TenantContext(tenant.Id)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on another handle; the temp folder is cleaned by the OS.
        }
    }
}
