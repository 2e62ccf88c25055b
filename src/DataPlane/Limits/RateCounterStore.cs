using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Limits;

/// <summary>
/// The <see cref="RateLimitCounter"/> table as the data planes share it: each instance upserts
/// its own rows (one context and transaction per tenant, so a row can only be written through its
/// own tenant), sums everyone else's, and deletes past windows. EF has no upsert, so it is SQL per
/// provider, with table, columns and parameter types taken from the EF model (as
/// <c>UsageInserter</c> does), so values are stored exactly as EF would store and query them.
/// Only the owning instance writes a row, so SQL Server's update-then-insert cannot race.
/// </summary>
internal sealed class RateCounterStore(PlatformDbContextFactory contexts)
{
    private Upsert? _upsert;

    public async Task PublishAsync(Guid tenantId, IReadOnlyList<RateLimitCounter> rows, CancellationToken ct)
    {
        await using var db = contexts.Create(tenantId);
        var upsert = _upsert ??= new Upsert(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = upsert.Prepare(connection, transaction);
            foreach (var row in rows)
            {
                if (row.TenantId != tenantId)
                {
                    throw new TenantIsolationException("Cannot write a rate-limit counter of another tenant than the one in scope.");
                }

                upsert.Bind(command, row);
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Per scope, the sum of every other instance's counts in the window. Across tenants on purpose
    /// (the explicit opt-out): these are the data planes' own coordination numbers, read for every
    /// tenant at once several times a second.
    /// </summary>
    public async Task<List<ScopeCount>> ReadOthersAsync(DateTime windowStart, string instance, CancellationToken ct)
    {
        await using var db = contexts.Create(null);
        return await db.RateLimitCounters.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.WindowStart == windowStart && c.Instance != instance)
            .GroupBy(c => new { c.TenantId, c.Scope })
            .Select(g => new ScopeCount(g.Key.TenantId, g.Key.Scope, g.Sum(c => c.Requests), g.Sum(c => c.Tokens)))
            .ToListAsync(ct);
    }

    /// <summary>Deletes every instance's rows of windows that started before <paramref name="cutoff"/>.</summary>
    public async Task<int> DeleteBeforeAsync(DateTime cutoff, CancellationToken ct)
    {
        await using var db = contexts.Create(null);
        return await db.RateLimitCounters.IgnoreQueryFilters()
            .Where(c => c.WindowStart < cutoff)
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>One scope's count summed over the other instances.</summary>
    internal readonly record struct ScopeCount(Guid TenantId, string Scope, long Requests, long Tokens);

    private sealed class Upsert
    {
        private readonly string _sql;
        private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;

        public Upsert(PlatformDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(RateLimitCounter))!;
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            _columns = [.. entity.GetProperties().Select(p => (p, (RelationalTypeMapping)p.GetTypeMapping()))];
            var key = entity.FindPrimaryKey()!.Properties;
            string Column(IProperty p) => Quote(p.GetColumnName(store)!);
            string Parameter(IProperty p) => "@p" + Array.FindIndex(_columns, c => c.Property == p);

            var names = string.Join(", ", _columns.Select(c => Column(c.Property)));
            var values = string.Join(", ", _columns.Select(c => Parameter(c.Property)));
            var counts = _columns.Select(c => c.Property).Where(p => !key.Contains(p)).ToList();
            var insert = $"INSERT INTO {Quote(table)} ({names}) VALUES ({values})";
            if (db.Database.IsSqlServer())
            {
                var set = string.Join(", ", counts.Select(p => $"{Column(p)} = {Parameter(p)}"));
                var match = string.Join(" AND ", key.Select(p => $"{Column(p)} = {Parameter(p)}"));
                _sql = $"UPDATE {Quote(table)} SET {set} WHERE {match}; IF @@ROWCOUNT = 0 {insert};";
            }
            else
            {
                var conflict = string.Join(", ", key.Select(Column));
                var set = string.Join(", ", counts.Select(p => $"{Column(p)} = excluded.{Column(p)}"));
                _sql = $"{insert} ON CONFLICT ({conflict}) DO UPDATE SET {set}";
            }
        }

        public DbCommand Prepare(DbConnection connection, DbTransaction transaction)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _sql;
            for (var i = 0; i < _columns.Length; i++)
            {
                command.Parameters.Add(_columns[i].Mapping.CreateParameter(command, "@p" + i, null, _columns[i].Property.IsNullable));
            }

            return command;
        }

        public void Bind(DbCommand command, RateLimitCounter row)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, mapping) = _columns[i];
                var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
                if (mapping.Converter is { } converter && value is not null)
                {
                    value = converter.ConvertToProvider(value);
                }

                command.Parameters[i].Value = value ?? DBNull.Value;
            }
        }

        // Double quotes are standard SQL identifiers: SQLite, and SQL Server with QUOTED_IDENTIFIER on (its default).
        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
