using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
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
            var bound = _columns[i].Bind(_statement, i + 1, entity);
            if (bound != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(bound, _db);
            }
        }

        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();

    // GUIDs and timestamps are written as UTF-8, the database's encoding, so SQLite does not convert them; the
    // timestamp by hand, because the custom format string took a fifth of the writer's binding time (bench/README.md).
    private static int BindGuid(sqlite3_stmt statement, int index, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        FormatGuid(value, text);
        return raw.sqlite3_bind_text(statement, index, text);
    }

    private static int BindDateTime(sqlite3_stmt statement, int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[MaxDateTimeLength];
        var written = FormatDateTime(value, text);
        return raw.sqlite3_bind_text(statement, index, text[..written]);
    }

    private static int BindText(sqlite3_stmt statement, int index, string value) =>
        raw.sqlite3_bind_text16(statement, index, value.AsSpan());

    /// <summary>Upper-case <c>D</c> format, as Microsoft.Data.Sqlite writes a GUID: 36 bytes.</summary>
    internal static void FormatGuid(Guid value, Span<byte> text)
    {
        value.TryFormat(text, out _);
        Ascii.ToUpperInPlace(text[..36], out _);
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

    /// <summary>A column: reads its value from the entity and binds it at a position; returns SQLite's code.</summary>
    public abstract class Column
    {
        private static readonly HashSet<Type> Unboxed =
        [
            typeof(string), typeof(Guid), typeof(Guid?), typeof(DateTime), typeof(DateTime?), typeof(bool), typeof(bool?),
            typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(double), typeof(double?),
        ];

        public abstract int Bind(sqlite3_stmt statement, int index, object entity);

        /// <summary>
        /// The column of <paramref name="property"/>, bound as <paramref name="kind"/>. A CLR property of a plain
        /// type without a value converter is read through a delegate to its own getter, so no value is boxed: EF's
        /// getters box every value, which took a fifth of the usage writer's time (bench/README.md). Anything else
        /// goes through EF's getter and converter.
        /// </summary>
        public static Column For(IProperty property, ValueConverter? converter, ColumnKind kind)
        {
            if (converter is null && property.PropertyInfo?.GetMethod is { IsStatic: false } getter && Unboxed.Contains(property.ClrType))
            {
                var type = typeof(TypedColumn<,>).MakeGenericType(getter.DeclaringType!, property.ClrType);
                return (Column)Activator.CreateInstance(type, getter)!;
            }

            return new BoxedColumn(property.GetGetter(), converter, kind);
        }
    }

    /// <summary>
    /// A value of one of <see cref="Column"/>'s unboxed types, read through its getter. The type tests are on
    /// generic parameters, so the JIT keeps only the branch of each instantiation.
    /// </summary>
    private sealed class TypedColumn<TEntity, TValue>(MethodInfo getter) : Column
    {
        private readonly Func<TEntity, TValue> _get = getter.CreateDelegate<Func<TEntity, TValue>>();

        public override int Bind(sqlite3_stmt statement, int index, object entity)
        {
            var value = _get((TEntity)entity);
            if (value is null)
            {
                return raw.sqlite3_bind_null(statement, index);
            }

            if (typeof(TValue) == typeof(string))
            {
                return BindText(statement, index, Unsafe.As<TValue, string>(ref value));
            }

            // A nullable's value is read as the nullable (its layout differs); null was bound above.
            return value switch
            {
                _ when typeof(TValue) == typeof(Guid) => BindGuid(statement, index, Unsafe.As<TValue, Guid>(ref value)),
                _ when typeof(TValue) == typeof(Guid?) => BindGuid(statement, index, Unsafe.As<TValue, Guid?>(ref value).GetValueOrDefault()),
                _ when typeof(TValue) == typeof(DateTime) => BindDateTime(statement, index, Unsafe.As<TValue, DateTime>(ref value)),
                _ when typeof(TValue) == typeof(DateTime?) => BindDateTime(statement, index, Unsafe.As<TValue, DateTime?>(ref value).GetValueOrDefault()),
                _ when typeof(TValue) == typeof(bool) => raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, bool>(ref value) ? 1 : 0),
                _ when typeof(TValue) == typeof(bool?) => raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, bool?>(ref value).GetValueOrDefault() ? 1 : 0),
                _ when typeof(TValue) == typeof(int) => raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, int>(ref value)),
                _ when typeof(TValue) == typeof(int?) => raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, int?>(ref value).GetValueOrDefault()),
                _ when typeof(TValue) == typeof(long) => raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, long>(ref value)),
                _ when typeof(TValue) == typeof(long?) => raw.sqlite3_bind_int64(statement, index, Unsafe.As<TValue, long?>(ref value).GetValueOrDefault()),
                _ when typeof(TValue) == typeof(double) => raw.sqlite3_bind_double(statement, index, Unsafe.As<TValue, double>(ref value)),
                _ => raw.sqlite3_bind_double(statement, index, Unsafe.As<TValue, double?>(ref value).GetValueOrDefault()),
            };
        }
    }

    /// <summary>Any other value: read through EF's getter (boxed), converted to the provider type, bound by kind.</summary>
    private sealed class BoxedColumn(IClrPropertyGetter getter, ValueConverter? converter, ColumnKind kind) : Column
    {
        public override int Bind(sqlite3_stmt statement, int index, object entity)
        {
            var value = getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && converter is not null)
            {
                value = converter.ConvertToProvider(value);
            }

            return value switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                _ => kind switch
                {
                    ColumnKind.Text => BindText(statement, index, (string)value),
                    ColumnKind.Guid => BindGuid(statement, index, (Guid)value),
                    ColumnKind.DateTime => BindDateTime(statement, index, (DateTime)value),
                    ColumnKind.Boolean => raw.sqlite3_bind_int64(statement, index, (bool)value ? 1 : 0),
                    ColumnKind.Integer => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                    _ => raw.sqlite3_bind_double(statement, index, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                },
            };
        }
    }
}
