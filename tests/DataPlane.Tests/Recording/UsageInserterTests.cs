using Microsoft.EntityFrameworkCore;
using Platform.DataPlane.Recording;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Recording;

/// <summary>
/// The writer binds rows on SQLite's own handle; what it stores must be what Microsoft.Data.Sqlite's
/// commands store (the SQL Server path, and what EF reads and matches ids against).
/// </summary>
public sealed class UsageInserterTests : IDisposable
{
    private readonly RecordingTestDatabase _database = new();

    [Fact]
    public async Task InsertAsync_DirectOnSqlite_StoresEveryColumnAsCommandsDo()
    {
        var direct = Event();
        var commands = Event();
        await using (var db = _database.Good.Create(_database.TenantId))
        {
            await UsageInserter.InsertAsync(db, [direct], TimeSpan.FromSeconds(5), CancellationToken.None);
            await UsageInserter.InsertAsync(db, [commands], TimeSpan.FromSeconds(5), CancellationToken.None, direct: false);
        }

        Assert.Equal(await RowAsync("UsageEvents", "Id", commands.Id), await RowAsync("UsageEvents", "Id", direct.Id));
        Assert.Equal(await RowAsync("UsageAttempts", "UsageEventId", commands.Id), await RowAsync("UsageAttempts", "UsageEventId", direct.Id));
    }

    [Fact]
    public async Task InsertAsync_DirectOnSqlite_ReadsBackThroughEf()
    {
        var usage = Event();
        await using (var db = _database.Good.Create(_database.TenantId))
        {
            await UsageInserter.InsertAsync(db, [usage], TimeSpan.FromSeconds(5), CancellationToken.None);
        }

        await using var read = _database.Good.Create(_database.TenantId);
        var ids = new List<Guid> { usage.Id };
        var stored = await read.UsageEvents.AsNoTracking().Include(e => e.Attempts).SingleAsync(e => ids.Contains(e.Id));
        Assert.Equal((usage.ApiKeyId, usage.Customer, usage.PromptVersion, usage.StartedAt, usage.CostNanoUsd, usage.Redacted, usage.ConcurrencyStamp),
            (stored.ApiKeyId, stored.Customer, stored.PromptVersion, stored.StartedAt, stored.CostNanoUsd, stored.Redacted, stored.ConcurrencyStamp));
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        var attempt = Assert.Single(stored.Attempts);
        Assert.Equal((usage.Attempts[0].Id, usage.Attempts[0].ErrorClass, usage.Attempts[0].Cancelled), (attempt.Id, attempt.ErrorClass, attempt.Cancelled));
    }

    [Fact]
    public async Task InsertAsync_EventOfAnotherTenant_Throws()
    {
        var usage = Event();
        usage.TenantId = Guid.NewGuid();
        await using var db = _database.Good.Create(_database.TenantId);

        await Assert.ThrowsAsync<TenantIsolationException>(() => UsageInserter.InsertAsync(db, [usage], TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal((0, 0), await _database.CountAsync());
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Every column but the ids, as SQLite stores it (<c>quote</c> shows type and text exactly).</summary>
    private async Task<string> RowAsync(string table, string key, Guid id)
    {
        await using var db = _database.Good.Create(_database.TenantId);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE name NOT IN ('Id', 'UsageEventId', 'ConcurrencyStamp') ORDER BY cid";
        var names = new List<string>();
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        await using var row = connection.CreateCommand();
        row.CommandText = $"SELECT {string.Join(" || '|' || ", names.Select(n => $"'{n}=' || quote(\"{n}\")"))} FROM \"{table}\" WHERE \"{key}\" = '{id.ToString().ToUpperInvariant()}'";
        var text = (string?)await row.ExecuteScalarAsync();
        Assert.NotNull(text);
        return text;
    }

    /// <summary>Every kind of column set, nulls included, with timestamps that have ticks below a millisecond.</summary>
    private UsageEvent Event()
    {
        var usage = _database.Event();
        usage.ApiKeyId = Guid.Parse("0a1b2c3d-4e5f-6789-abcd-ef0123456789");
        usage.Customer = "customer-é-4711";
        usage.PromptVersion = 3;
        usage.UpstreamLatencyMs = null;
        usage.StartedAt = new DateTime(2026, 11, 24, 10, 11, 12, DateTimeKind.Utc).AddTicks(1_234_567);
        usage.CreatedAt = new DateTime(2026, 11, 24, 10, 11, 13, DateTimeKind.Utc).AddTicks(10);
        usage.CostNanoUsd = 9_876_543_210_123;
        usage.CostEstimated = true;
        usage.Redacted = true;
        usage.Attempts[0].ErrorClass = "rate_limited";
        usage.Attempts[0].Cancelled = true;
        usage.Attempts[0].CreatedAt = usage.CreatedAt;
        return usage;
    }
}
