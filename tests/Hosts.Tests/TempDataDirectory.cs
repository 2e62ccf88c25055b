using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Hosting;

namespace Platform.Hosts.Tests;

/// <summary>A data folder of its own for one test; the SQLite file lives in it.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "platform-hosts-tests", Guid.NewGuid().ToString("N"));

    public TempDataDirectory() => Directory.CreateDirectory(Path);

    /// <summary>Migrates the folder's database first, as an operator would: the hosts never migrate themselves.</summary>
    public async Task MigrateAsync()
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UsePlatformDatabase(new DatabaseOptions { DataDirectory = Path });
        await using var db = new PlatformDbContext(options.Options, new TenantContext());
        await db.Database.MigrateAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still open by a host that is shutting down; the OS cleans temp.
        }
    }
}
