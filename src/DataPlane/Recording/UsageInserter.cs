using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// Inserts usage events and their attempts with plain prepared INSERTs in one transaction. EF's
/// change tracker cost more CPU per event than the whole request path (bench/README.md); the
/// statements are built from the EF model (table, columns, type mappings), so they stay in step
/// with the migrations and write exactly what EF would. On SQLite the rows are bound by position
/// on SQLite's own handle (<see cref="SqliteInsert"/>), elsewhere through ADO.NET commands.
/// Tenant isolation still holds: every row must carry the tenant of the context it is written
/// through. BEGIN (IMMEDIATE, so the write lock is taken there) and every command give up after
/// <c>timeout</c>: SQLite waits out a locked database on the calling thread (30 s by default)
/// whatever the cancellation token says, and the writer's timeout must hold then too.
/// </summary>
internal static class UsageInserter
{
    /// <param name="direct">False writes through ADO.NET commands on SQLite too (tests compare the two).</param>
    public static async Task InsertAsync(PlatformDbContext db, IReadOnlyList<UsageEvent> events, TimeSpan timeout, CancellationToken ct, bool direct = true)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        var tenant = db.CurrentTenantId ?? throw new TenantIsolationException("Cannot write usage: no tenant is in scope.");
        var eventTable = Table.For(db.Model.FindEntityType(typeof(UsageEvent))!);
        var attemptTable = Table.For(db.Model.FindEntityType(typeof(UsageAttempt))!);
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite)
        {
            sqlite.DefaultTimeout = seconds;
        }

        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (direct && connection is SqliteConnection handle && eventTable.Sqlite is { } eventColumns && attemptTable.Sqlite is { } attemptColumns)
            {
                InsertDirect(handle, eventTable.Sql, eventColumns, attemptTable.Sql, attemptColumns, events, tenant);
            }
            else
            {
                await InsertWithCommandsAsync(connection, transaction, eventTable, attemptTable, events, tenant, seconds, ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void InsertDirect(SqliteConnection connection, string eventSql, SqliteInsert.Column[] eventColumns,
        string attemptSql, SqliteInsert.Column[] attemptColumns, IReadOnlyList<UsageEvent> events, Guid tenant)
    {
        using var insertEvent = SqliteInsert.Prepare(connection, eventSql, eventColumns);
        using var insertAttempt = SqliteInsert.Prepare(connection, attemptSql, attemptColumns);
        foreach (var usage in events)
        {
            Prepare(usage, tenant);
            insertEvent.Insert(usage);
            foreach (var attempt in usage.Attempts)
            {
                insertAttempt.Insert(attempt);
            }
        }
    }

    private static async Task InsertWithCommandsAsync(DbConnection connection, DbTransaction transaction, Table eventTable, Table attemptTable,
        IReadOnlyList<UsageEvent> events, Guid tenant, int seconds, CancellationToken ct)
    {
        await using var insertEvent = eventTable.Prepare(connection, transaction, seconds);
        await using var insertAttempt = attemptTable.Prepare(connection, transaction, seconds);
        foreach (var usage in events)
        {
            Prepare(usage, tenant);
            eventTable.Bind(insertEvent, usage);
            await insertEvent.ExecuteNonQueryAsync(ct);
            foreach (var attempt in usage.Attempts)
            {
                attemptTable.Bind(insertAttempt, attempt);
                await insertAttempt.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>Checks the event's tenant and stamps it and its attempts, which belong to it.</summary>
    private static void Prepare(UsageEvent usage, Guid tenant)
    {
        if (usage.TenantId != tenant)
        {
            throw new TenantIsolationException("Cannot write usage of another tenant than the one in scope.");
        }

        Stamp(usage);
        foreach (var attempt in usage.Attempts)
        {
            attempt.TenantId = tenant;
            attempt.UsageEventId = usage.Id;
            Stamp(attempt);
        }
    }

    private static void Stamp(TenantEntity entity)
    {
        if (entity.CreatedAt == default)
        {
            entity.CreatedAt = DateTime.UtcNow;
        }

        entity.UpdatedAt = entity.CreatedAt;
    }

    /// <summary>An INSERT for one entity type, derived once from the model.</summary>
    private sealed class Table
    {
        private static readonly Dictionary<IEntityType, Table> Cache = [];
        private static readonly Lock Gate = new();

        private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;

        private Table(IEntityType entity)
        {
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            _columns = [.. entity.GetProperties().Select(p => (p, (RelationalTypeMapping)p.GetTypeMapping()))];
            var names = string.Join(", ", _columns.Select(c => Quote(c.Property.GetColumnName(store)!)));
            var values = string.Join(", ", _columns.Select((_, i) => "@p" + i));
            Sql = $"INSERT INTO {Quote(entity.GetTableName()!)} ({names}) VALUES ({values})";
            var kinds = _columns.Select(c => SqliteInsert.KindOf(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType)).ToArray();
            Sqlite = kinds.All(k => k is not null)
                ? [.. _columns.Select((c, i) => SqliteInsert.Column.For(c.Property, c.Mapping.Converter, kinds[i]!.Value))]
                : null;
        }

        /// <summary>The INSERT, with the columns as parameters <c>@p0</c>, <c>@p1</c>, ... in order.</summary>
        public string Sql { get; }

        /// <summary>The columns for <see cref="SqliteInsert"/>; null if one has a type it does not bind.</summary>
        public SqliteInsert.Column[]? Sqlite { get; }

        public static Table For(IEntityType entity)
        {
            lock (Gate)
            {
                if (!Cache.TryGetValue(entity, out var table))
                {
                    Cache[entity] = table = new Table(entity);
                }

                return table;
            }
        }

        public DbCommand Prepare(DbConnection connection, DbTransaction transaction, int timeoutSeconds)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = timeoutSeconds;
            command.CommandText = Sql;
            for (var i = 0; i < _columns.Length; i++)
            {
                command.Parameters.Add(_columns[i].Mapping.CreateParameter(command, "@p" + i, null, _columns[i].Property.IsNullable));
            }

            return command;
        }

        public void Bind(DbCommand command, object entity)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, mapping) = _columns[i];
                var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
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
