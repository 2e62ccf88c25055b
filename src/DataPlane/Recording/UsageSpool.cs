using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// The local append-only spool of usage events the database could not take: segment files of
/// newline-delimited JSON in <c>{DataDirectory}/spool/</c>, replayed in name order. Each appended
/// batch is flushed to disk before <see cref="Append"/> returns, so a spooled event survives a
/// crash. A process never appends to a segment an earlier process left, so a line torn by a crash
/// can only be the last line of a segment; <see cref="Read"/> skips it. Only the writer's loop
/// uses the spool; the lock guards against a test or shutdown racing it.
/// </summary>
internal sealed partial class UsageSpool(string directory, ILogger<UsageSpool> logger, long maxSegmentBytes = UsageSpool.DefaultMaxSegmentBytes) : IDisposable
{
    public const long DefaultMaxSegmentBytes = 8 * 1024 * 1024;
    private const string Prefix = "usage-";
    private const string Extension = ".ndjson";
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lock _lock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private FileStream? _current;
    private long _nextSequence = -1;

    public string Directory { get; } = directory;

    /// <summary>True when any segment (open or sealed) is on disk, including ones a crashed process left.</summary>
    public bool HasSegments
    {
        get
        {
            lock (_lock)
            {
                return _current is not null || (System.IO.Directory.Exists(Directory) && ListSegments().Length > 0);
            }
        }
    }

    public void Append(IReadOnlyList<UsageEvent> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                foreach (var usage in batch)
                {
                    JsonSerializer.Serialize(json, SpooledUsage.From(usage), SpoolJsonContext.Default.SpooledUsage);
                    json.Flush();
                    json.Reset();
                    _buffer.Write("\n"u8);
                }
            }

            var stream = _current ??= Open();
            stream.Write(_buffer.WrittenSpan);
            // One fsync per batch, not per event: the batch is the unit the writer hands over.
            stream.Flush(flushToDisk: true);
            if (stream.Length >= maxSegmentBytes)
            {
                CloseCurrent();
            }
        }
    }

    /// <summary>Closes the open segment (later appends start a new one) and lists every segment, oldest first.</summary>
    public IReadOnlyList<string> Seal()
    {
        lock (_lock)
        {
            CloseCurrent();
            return System.IO.Directory.Exists(Directory) ? ListSegments() : [];
        }
    }

    /// <summary>The events of a sealed segment; lines that do not parse (a torn last line) are counted and skipped.</summary>
    public static SpoolSegment Read(string segment)
    {
        var bytes = File.ReadAllBytes(segment);
        var events = new List<SpooledUsage>();
        var skipped = 0;
        var rest = bytes.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, SpoolJsonContext.Default.SpooledUsage) is { } usage)
                {
                    events.Add(usage);
                    continue;
                }
            }
            catch (JsonException)
            {
                // A torn write: counted below.
            }

            skipped++;
        }

        return new SpoolSegment(segment, events, skipped);
    }

    public void Delete(string segment)
    {
        lock (_lock)
        {
            File.Delete(segment);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            CloseCurrent();
        }
    }

    private string[] ListSegments()
    {
        var segments = System.IO.Directory.GetFiles(Directory, Prefix + "*" + Extension);
        Array.Sort(segments, StringComparer.Ordinal);
        return segments;
    }

    private FileStream Open()
    {
        AtomicFile.CreatePrivateDirectory(Directory);
        if (_nextSequence < 0)
        {
            _nextSequence = 0;
            foreach (var segment in ListSegments())
            {
                var name = Path.GetFileNameWithoutExtension(segment)[Prefix.Length..];
                if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                {
                    _nextSequence = Math.Max(_nextSequence, sequence + 1);
                }
            }
        }

        var path = Path.Combine(Directory, $"{Prefix}{_nextSequence++:D12}{Extension}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }

        LogSegmentStarted(logger, path);
        return new FileStream(path, options);
    }

    private void CloseCurrent()
    {
        _current?.Dispose();
        _current = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Usage spool segment {Path} started.")]
    private static partial void LogSegmentStarted(ILogger logger, string path);
}
