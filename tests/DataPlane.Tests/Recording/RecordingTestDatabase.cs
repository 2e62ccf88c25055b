using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.DataPlane.Recording;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Hosting;

namespace Platform.DataPlane.Tests.Recording;

/// <summary>
/// A migrated SQLite file with one tenant in its own temp data directory, the spool and journal
/// folders beside it, and a second "database" that is not a SQLite file at all, for a writer whose
/// database is down.
/// </summary>
internal sealed class RecordingTestDatabase : IDisposable
{
    public RecordingTestDatabase()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "platform-tests", "usage-" + Guid.NewGuid().ToString("N"));
        Good = CreateFactory(new DatabaseOptions { Provider = DatabaseOptions.Sqlite, DataDirectory = DataDirectory });
        var notADatabase = Path.Combine(DataDirectory, "not-a-database.db");
        File.WriteAllText(notADatabase, string.Concat(Enumerable.Repeat("this is not a SQLite database. ", 200)));
        Unreachable = CreateFactory(new DatabaseOptions
        {
            Provider = DatabaseOptions.Sqlite,
            DataDirectory = DataDirectory,
            ConnectionString = $"Data Source={notADatabase};Default Timeout=2",
        });
        Flaky = CreateFactory(new DatabaseOptions
        {
            Provider = DatabaseOptions.Sqlite,
            DataDirectory = DataDirectory,
            ConnectionString = $"Data Source={FlakyFile};Default Timeout=2;Pooling=False",
        });
        File.Copy(notADatabase, FlakyFile);
        using var db = Good.Create(null);
        db.Database.Migrate();
        var tenant = new Tenant { Slug = "t-" + Guid.NewGuid().ToString("N")[..12], Name = "Usage" };
        db.Tenants.Add(tenant);
        db.SaveChanges();
        TenantId = tenant.Id;
    }

    public string DataDirectory { get; }

    public string SpoolDirectory => Path.Combine(DataDirectory, "spool");

    public Guid TenantId { get; }

    public PlatformDbContextFactory Good { get; }

    public PlatformDbContextFactory Unreachable { get; }

    /// <summary>Not a database until <see cref="BringFlakyUp"/> copies the good one over it.</summary>
    public PlatformDbContextFactory Flaky { get; }

    private string FlakyFile => Path.Combine(DataDirectory, "flaky.db");

    public void BringFlakyUp()
    {
        SqliteConnection.ClearAllPools();
        File.Copy(Path.Combine(DataDirectory, "platform.db"), FlakyFile, overwrite: true);
    }

    public UsageSpool Spool(long maxSegmentBytes = UsageSpool.DefaultMaxSegmentBytes) =>
        new(SpoolDirectory, NullLogger<UsageSpool>.Instance, maxSegmentBytes);

    public string[] Segments() =>
        Directory.Exists(SpoolDirectory) ? Directory.GetFiles(SpoolDirectory, "*.ndjson") : [];

    public string JournalDirectory => Path.Combine(DataDirectory, "journal");

    /// <summary>A journal over this data directory; a small segment size makes tests roll segments.</summary>
    public UsageJournal Journal(int segmentBytes = UsageJournal.DefaultSegmentBytes, bool enabled = true) =>
        new(JournalDirectory, enabled, TimeProvider.System, NullLogger<UsageJournal>.Instance, segmentBytes);

    public string[] JournalSegments() =>
        Directory.Exists(JournalDirectory) ? Directory.GetFiles(JournalDirectory, "*.journal") : [];

    public UsageEvent Event(int attempts = 1)
    {
        var usage = new UsageEvent
        {
            Id = Guid.CreateVersion7(),
            TenantId = TenantId,
            Endpoint = "chat",
            Feature = "support",
            Provider = "an",
            Model = "claude",
            Status = 200,
            StartedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            LatencyMs = 42,
            InputTokens = 10,
            OutputTokens = 20,
            CostNanoUsd = 12_345,
        };
        for (var i = 0; i < attempts; i++)
        {
            usage.Attempts.Add(new UsageAttempt
            {
                TenantId = TenantId,
                UsageEventId = usage.Id,
                Index = i,
                Provider = "an",
                Model = "claude",
                Status = i == attempts - 1 ? 200 : 503,
                LatencyMs = 7,
            });
        }

        return usage;
    }

    public async Task<(int Events, int Attempts)> CountAsync(PlatformDbContextFactory? contexts = null)
    {
        await using var db = (contexts ?? Good).Create(TenantId);
        return (await db.UsageEvents.CountAsync(), await db.Set<UsageAttempt>().CountAsync());
    }

    public async Task<List<Guid>> IdsAsync(PlatformDbContextFactory? contexts = null)
    {
        await using var db = (contexts ?? Good).Create(TenantId);
        return await db.UsageEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }

    public void Dispose()
    {
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

    private static PlatformDbContextFactory CreateFactory(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        builder.UsePlatformDatabase(options);
        return new PlatformDbContextFactory(builder.Options, TimeProvider.System);
    }
}
