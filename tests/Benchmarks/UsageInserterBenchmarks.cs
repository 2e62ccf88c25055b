using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.DataPlane.Recording;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Hosting;

namespace Platform.Benchmarks;

/// <summary>
/// What the usage writer spends on its own thread per call: one batch of <see cref="BatchSize"/> served
/// calls (one attempt each) inserted by <c>UsageInserter</c> in one transaction into a migrated SQLite file
/// in WAL mode, as <c>controlplane migrate</c> leaves it: through SQLite's handle (what the writer does) and
/// through ADO.NET commands (what it did before, and does on SQL Server). Times are per event (OperationsPerInvoke); the
/// events are built in the benchmark as the recorder builds them, so the cost of building one is in the
/// row too (<c>Build</c> alone is the baseline). The file grows by every insert, as in production.
/// </summary>
[MemoryDiagnoser]
public class UsageInserterBenchmarks
{
    private const int BatchSize = 200;
    private readonly List<UsageEvent> _batch = new(BatchSize);
    private string _directory = null!;
    private PlatformDbContextFactory _contexts = null!;
    private Guid _tenantId;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "platform-bench-usage-" + Guid.NewGuid().ToString("N"));
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        builder.UsePlatformDatabase(new DatabaseOptions { Provider = DatabaseOptions.Sqlite, DataDirectory = _directory });
        _contexts = new PlatformDbContextFactory(builder.Options, TimeProvider.System);
        using var db = _contexts.Create(null);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        var tenant = new Tenant { Slug = "bench-usage", Name = "Bench" };
        db.Tenants.Add(tenant);
        db.SaveChanges();
        _tenantId = tenant.Id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public int Build()
    {
        Fill();
        return _batch.Count;
    }

    /// <summary>What the writer does on SQLite: positional binds on SQLite's own handle.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public async Task<int> Insert()
    {
        Fill();
        await using var db = _contexts.Create(_tenantId);
        await UsageInserter.InsertAsync(db, _batch, TimeSpan.FromSeconds(5), CancellationToken.None);
        return _batch.Count;
    }

    /// <summary>The same through Microsoft.Data.Sqlite's commands (named parameters), as on SQL Server.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public async Task<int> Insert_Commands()
    {
        Fill();
        await using var db = _contexts.Create(_tenantId);
        await UsageInserter.InsertAsync(db, _batch, TimeSpan.FromSeconds(5), CancellationToken.None, direct: false);
        return _batch.Count;
    }

    private void Fill()
    {
        _batch.Clear();
        for (var i = 0; i < BatchSize; i++)
        {
            _batch.Add(Event(_tenantId));
        }
    }

    /// <summary>A served chat call with one attempt, as the recorder builds it for the load test.</summary>
    private static UsageEvent Event(Guid tenantId)
    {
        var usage = new UsageEvent
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            ApiKeyId = tenantId,
            Endpoint = "chat",
            Route = "bench",
            Strategy = "Priority",
            Provider = "simulator",
            Model = "gpt-4o-mini",
            Status = 200,
            StartedAt = DateTime.UtcNow,
            LatencyMs = 1,
            UpstreamLatencyMs = 0,
            InputTokens = 14,
            OutputTokens = 9,
            CostNanoUsd = 7_500,
            RecordedBy = "dp-0123456789ab",
        };
        usage.Attempts.Add(new UsageAttempt
        {
            TenantId = tenantId,
            UsageEventId = usage.Id,
            Provider = "simulator",
            Model = "gpt-4o-mini",
            Status = 200,
            LatencyMs = 0,
            InputTokens = 14,
            OutputTokens = 9,
            CostNanoUsd = 7_500,
        });
        return usage;
    }
}
