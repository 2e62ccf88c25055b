using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Platform.DataPlane.Recording;

/// <summary>
/// An INSERT prepared once per batch on SQLite's own handle and bound by position. Through
/// Microsoft.Data.Sqlite every execution looks each parameter up by name and converts each value in a
/// boxed type switch, which took most of the usage writer's time (UsageInserterBenchmarks, bench/README.md).
/// Values are written in the representation Microsoft.Data.Sqlite gives them (GUIDs as upper-case TEXT,
/// timestamps as TEXT <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, booleans as 0/1), so EF reads and matches the
/// rows exactly as before (UsageInserterTests compares the two column by column).
/// </summary>
internal sealed class SqliteInsert : IDisposable
{
    /// <summary>How Microsoft.Data.Sqlite writes a timestamp; <see cref="FormatDateTime"/> writes the same.</summary>
    internal const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    /// <summary>The longest <see cref="FormatDateTime"/> writes: <c>yyyy-MM-dd HH:mm:ss.fffffff</c>.</summary>
    internal const int MaxDateTimeLength = 27;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Column[] _columns;

    private SqliteInsert(sqlite3 db, sqlite3_stmt statement, Column[] columns)
    {
        _db = db;
        _statement = statement;
        _columns = columns;
    }

    /// <summary>How a column's provider value is bound; null for a type this class does not write.</summary>
    public static ColumnKind? KindOf(Type providerType) =>
        (Nullable.GetUnderlyingType(providerType) ?? providerType) switch
        {
            var t when t == typeof(string) => ColumnKind.Text,
            var t when t == typeof(Guid) => ColumnKind.Guid,
            var t when t == typeof(DateTime) => ColumnKind.DateTime,
            var t when t == typeof(bool) => ColumnKind.Boolean,
            var t when t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte) => ColumnKind.Integer,
            var t when t == typeof(double) || t == typeof(float) => ColumnKind.Real,
            _ => null,
        };

    /// <summary>Prepares <paramref name="sql"/>; its parameters are the columns in order.</summary>
    public static SqliteInsert Prepare(SqliteConnection connection, string sql, Column[] columns)
    {
        var db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return new SqliteInsert(db, statement, columns);
    }

    public void Insert(object entity)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            Bind(i + 1, _columns[i], entity);
        }

        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(int index, Column column, object entity)
    {
        var value = column.Getter.GetClrValueUsingContainingEntity(entity);
        if (value is not null && column.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            _ => column.Kind switch
            {
                ColumnKind.Text => raw.sqlite3_bind_text16(_statement, index, ((string)value).AsSpan()),
                ColumnKind.Guid => BindGuid(index, (Guid)value),
                ColumnKind.DateTime => BindDateTime(index, (DateTime)value),
                ColumnKind.Boolean => raw.sqlite3_bind_int64(_statement, index, (bool)value ? 1 : 0),
                ColumnKind.Integer => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                _ => raw.sqlite3_bind_double(_statement, index, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            },
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    // GUIDs and timestamps are written as UTF-8, the database's encoding, so SQLite does not convert them; the
    // timestamp by hand, because the custom format string took a fifth of the writer's binding time (bench/README.md).
    private int BindGuid(int index, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        FormatGuid(value, text);
        return raw.sqlite3_bind_text(_statement, index, text);
    }

    private int BindDateTime(int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[MaxDateTimeLength];
        var written = FormatDateTime(value, text);
        return raw.sqlite3_bind_text(_statement, index, text[..written]);
    }

    /// <summary>Upper-case <c>D</c> format, as Microsoft.Data.Sqlite writes a GUID: 36 bytes.</summary>
    internal static void FormatGuid(Guid value, Span<byte> text)
    {
        value.TryFormat(text, out _);
        for (var i = 0; i < 36; i++)
        {
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }
    }

    /// <summary>
    /// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (<see cref="DateTimeFormat"/>, as Microsoft.Data.Sqlite writes a
    /// timestamp): the fraction without trailing zeros, and without its point when it is zero.
    /// </summary>
    internal static int FormatDateTime(DateTime value, Span<byte> text)
    {
        Digits(text[..4], value.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), value.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), value.Day);
        text[10] = (byte)' ';
        Digits(text.Slice(11, 2), value.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), value.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), value.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }

        text[19] = (byte)'.';
        Digits(text.Slice(20, 7), fraction);
        var end = MaxDateTimeLength;
        while (text[end - 1] == (byte)'0')
        {
            end--;
        }

        return end;
    }

    private static void Digits(Span<byte> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    public enum ColumnKind
    {
        Text,
        Guid,
        DateTime,
        Boolean,
        Integer,
        Real,
    }

    /// <summary>A column: how its value is read from the entity, converted to the provider type, and bound.</summary>
    public sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, ColumnKind Kind);
}
