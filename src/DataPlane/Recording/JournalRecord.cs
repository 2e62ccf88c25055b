using System.Buffers.Binary;
using System.Text;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// A usage event as a journal entry: fixed-width little-endian fields in one order, written straight
/// from the entity. The spool's JSON took a call's request thread some 5 µs and about 700 bytes of the
/// mapped segment, a page fault every five or six calls (bench/README.md); this takes well under half
/// the bytes and a fifth of the time. The first byte is <see cref="Format"/>; an entry an earlier version wrote is JSON and starts
/// with <c>{</c>, and <see cref="JournalSegment"/> still reads those.
/// Layout: strings as an int32 UTF-8 length (-1 for null) and the bytes; a nullable value as a
/// presence byte and the value; a timestamp as <see cref="DateTime.ToBinary"/>; the attempts last,
/// after their count.
/// </summary>
internal static class JournalRecord
{
    public const byte Format = 1;

    private const int GuidBytes = 16;

    [ThreadStatic]
    private static byte[]? _buffer;

    /// <summary>The entry's bytes, in a buffer of the calling thread's own, valid until its next call.</summary>
    public static ReadOnlySpan<byte> Encode(UsageEvent usage)
    {
        var size = MaxSize(usage);
        var buffer = _buffer is { } existing && existing.Length >= size ? existing : _buffer = new byte[Math.Max(size, 1024)];
        var writer = new Writer(buffer);
        writer.Byte(Format);
        writer.Guid(usage.Id);
        writer.Guid(usage.TenantId);
        writer.Guid(usage.ApiKeyId);
        writer.String(usage.Endpoint);
        writer.String(usage.Feature);
        writer.String(usage.Customer);
        writer.String(usage.Route);
        writer.String(usage.Strategy);
        writer.String(usage.PromptName);
        writer.Int32(usage.PromptVersion);
        writer.String(usage.PromptLabel);
        writer.String(usage.Provider);
        writer.String(usage.Model);
        writer.Int32(usage.Status);
        writer.String(usage.ErrorClass);
        writer.Int64(usage.StartedAt.ToBinary());
        writer.Int32(usage.LatencyMs);
        writer.Int32(usage.UpstreamLatencyMs);
        writer.Int32(usage.TimeToFirstTokenMs);
        writer.Int32(usage.InputTokens);
        writer.Int32(usage.OutputTokens);
        writer.Int32(usage.CachedTokens);
        writer.Int64(usage.CostNanoUsd);
        writer.Bool(usage.CostEstimated);
        writer.Bool(usage.CacheHit);
        writer.Bool(usage.Streamed);
        writer.Int32(usage.FallbackCount);
        writer.Bool(usage.Degraded);
        writer.Bool(usage.Redacted);
        writer.String(usage.RecordedBy);
        writer.Int32(usage.Attempts.Count);
        foreach (var attempt in usage.Attempts)
        {
            writer.Guid(attempt.Id);
            writer.Int32(attempt.Index);
            writer.String(attempt.Provider);
            writer.String(attempt.Model);
            writer.Int32(attempt.Status);
            writer.String(attempt.ErrorClass);
            writer.Int32(attempt.LatencyMs);
            writer.Int32(attempt.InputTokens);
            writer.Int32(attempt.OutputTokens);
            writer.Int64(attempt.CostNanoUsd);
            writer.Bool(attempt.Cancelled);
        }

        return buffer.AsSpan(0, writer.Written);
    }

    /// <exception cref="InvalidDataException">The bytes are not a whole record of this format.</exception>
    public static SpooledUsage Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        if (reader.Byte() != Format)
        {
            throw new InvalidDataException("Not a usage journal record of a known format.");
        }

        var usage = new SpooledUsage
        {
            Id = reader.Guid(),
            TenantId = reader.Guid(),
            ApiKeyId = reader.NullableGuid(),
            Endpoint = reader.String() ?? throw new InvalidDataException("A usage journal record has no endpoint."),
            Feature = reader.String(),
            Customer = reader.String(),
            Route = reader.String(),
            Strategy = reader.String(),
            PromptName = reader.String(),
            PromptVersion = reader.NullableInt32(),
            PromptLabel = reader.String(),
            Provider = reader.String(),
            Model = reader.String(),
            Status = reader.Int32(),
            ErrorClass = reader.String(),
            StartedAt = reader.Timestamp(),
            LatencyMs = reader.Int32(),
            UpstreamLatencyMs = reader.NullableInt32(),
            TimeToFirstTokenMs = reader.NullableInt32(),
            InputTokens = reader.Int32(),
            OutputTokens = reader.Int32(),
            CachedTokens = reader.Int32(),
            CostNanoUsd = reader.Int64(),
            CostEstimated = reader.Bool(),
            CacheHit = reader.Bool(),
            Streamed = reader.Bool(),
            FallbackCount = reader.Int32(),
            Degraded = reader.Bool(),
            Redacted = reader.Bool(),
            RecordedBy = reader.String(),
            Attempts = ReadAttempts(ref reader),
        };
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("A usage journal record has bytes after its last field.");
        }

        return usage;
    }

    private static SpooledAttempt[] ReadAttempts(ref Reader reader)
    {
        var count = reader.Int32();
        // Every attempt takes at least its id: a count the bytes cannot hold is corruption, not an allocation to make.
        if (count < 0 || count > reader.Remaining / GuidBytes)
        {
            throw new InvalidDataException("A usage journal record has an impossible attempt count.");
        }

        var attempts = new SpooledAttempt[count];
        for (var i = 0; i < count; i++)
        {
            attempts[i] = new SpooledAttempt
            {
                Id = reader.Guid(),
                Index = reader.Int32(),
                Provider = reader.String() ?? throw new InvalidDataException("A usage journal attempt has no provider."),
                Model = reader.String() ?? throw new InvalidDataException("A usage journal attempt has no model."),
                Status = reader.NullableInt32(),
                ErrorClass = reader.String(),
                LatencyMs = reader.Int32(),
                InputTokens = reader.Int32(),
                OutputTokens = reader.Int32(),
                CostNanoUsd = reader.Int64(),
                Cancelled = reader.Bool(),
            };
        }

        return attempts;
    }

    /// <summary>An upper bound of the record's size: fixed fields at their widest, strings at three bytes a char.</summary>
    private static int MaxSize(UsageEvent usage)
    {
        const int EventFixed = 512;
        const int AttemptFixed = 128;
        var size = EventFixed + Chars(usage.Endpoint) + Chars(usage.Feature) + Chars(usage.Customer) + Chars(usage.Route)
            + Chars(usage.Strategy) + Chars(usage.PromptName) + Chars(usage.PromptLabel) + Chars(usage.Provider)
            + Chars(usage.Model) + Chars(usage.ErrorClass) + Chars(usage.RecordedBy);
        foreach (var attempt in usage.Attempts)
        {
            size += AttemptFixed + Chars(attempt.Provider) + Chars(attempt.Model) + Chars(attempt.ErrorClass);
        }

        return size;

        static int Chars(string? value) => 3 * (value?.Length ?? 0);
    }

    private ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Written { get; private set; }

        public void Byte(byte value) => _buffer[Written++] = value;

        public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

        public void Int32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer[Written..], value);
            Written += sizeof(int);
        }

        public void Int32(int? value)
        {
            Bool(value.HasValue);
            if (value is { } present)
            {
                Int32(present);
            }
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer[Written..], value);
            Written += sizeof(long);
        }

        public void Guid(Guid value)
        {
            value.TryWriteBytes(_buffer[Written..]);
            Written += GuidBytes;
        }

        public void Guid(Guid? value)
        {
            Bool(value.HasValue);
            if (value is { } present)
            {
                Guid(present);
            }
        }

        public void String(string? value)
        {
            if (value is null)
            {
                Int32(-1);
                return;
            }

            var length = Encoding.UTF8.GetBytes(value, _buffer[(Written + sizeof(int))..]);
            Int32(length);
            Written += length;
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public readonly bool AtEnd => _rest.IsEmpty;

        public readonly int Remaining => _rest.Length;

        public byte Byte() => Take(1)[0];

        public bool Bool() => Byte() switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidDataException("A usage journal record has a flag that is neither 0 nor 1."),
        };

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

        public int? NullableInt32() => Bool() ? Int32() : null;

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

        public Guid Guid() => new(Take(GuidBytes));

        public DateTime Timestamp()
        {
            var binary = Int64();
            try
            {
                return DateTime.FromBinary(binary);
            }
            catch (ArgumentException)
            {
                throw new InvalidDataException("A usage journal record has a timestamp out of range.");
            }
        }

        public Guid? NullableGuid() => Bool() ? Guid() : null;

        public string? String()
        {
            var length = Int32();
            return length switch
            {
                -1 => null,
                < -1 => throw new InvalidDataException("A usage journal record has a negative string length."),
                _ => Encoding.UTF8.GetString(Take(length)),
            };
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _rest.Length)
            {
                throw new InvalidDataException("A usage journal record ends inside a field.");
            }

            var taken = _rest[..count];
            _rest = _rest[count..];
            return taken;
        }
    }
}
