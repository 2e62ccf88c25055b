using System.Globalization;
using System.Text;
using Platform.DataPlane.Recording;

namespace Platform.DataPlane.Tests.Recording;

/// <summary>
/// The writer formats GUIDs and timestamps itself; each must come out byte for byte as Microsoft.Data.Sqlite
/// writes it (what EF reads back and matches ids and ranges against).
/// </summary>
public sealed class SqliteInsertFormatTests
{
    public static TheoryData<long> Timestamps => new()
    {
        DateTime.MinValue.Ticks,
        DateTime.MaxValue.Ticks,
        new DateTime(2026, 11, 24, 10, 11, 12, DateTimeKind.Utc).Ticks,
        new DateTime(2026, 11, 24, 10, 11, 12, DateTimeKind.Utc).Ticks + 1,
        new DateTime(2026, 11, 24, 10, 11, 12, DateTimeKind.Utc).Ticks + 1_000_000,
        new DateTime(2026, 11, 24, 10, 11, 12, DateTimeKind.Utc).Ticks + 1_234_560,
        new DateTime(999, 1, 2, 3, 4, 5, DateTimeKind.Utc).Ticks + 9_999_999,
    };

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void FormatDateTime_WritesWhatTheCustomFormatWrites(long ticks)
    {
        var value = new DateTime(ticks, DateTimeKind.Utc);

        Assert.Equal(Expected(value), Formatted(value));
    }

    [Fact]
    public void FormatDateTime_RandomTimestamps_WriteWhatTheCustomFormatWrites()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 10_000; i++)
        {
            var value = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            // Every tenth one on a whole second or millisecond, where trailing zeros and the point are dropped.
            value = (i % 10) switch
            {
                0 => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond)),
                1 => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMillisecond)),
                _ => value,
            };

            Assert.Equal(Expected(value), Formatted(value));
        }
    }

    [Fact]
    public void FormatGuid_WritesUpperCaseDFormat()
    {
        var random = new Random(20261124);
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> text = stackalloc byte[36];
        for (var i = 0; i < 1_000; i++)
        {
            random.NextBytes(bytes);
            var value = new Guid(bytes);

            SqliteInsert.FormatGuid(value, text);

            Assert.Equal(value.ToString("D").ToUpperInvariant(), Encoding.UTF8.GetString(text));
        }
    }

    private static string Expected(DateTime value) => value.ToString(SqliteInsert.DateTimeFormat, CultureInfo.InvariantCulture);

    private static string Formatted(DateTime value)
    {
        Span<byte> text = stackalloc byte[SqliteInsert.MaxDateTimeLength];
        var written = SqliteInsert.FormatDateTime(value, text);
        return Encoding.UTF8.GetString(text[..written]);
    }
}
