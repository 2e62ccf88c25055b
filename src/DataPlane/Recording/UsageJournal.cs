using System.Globalization;
using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// The write-ahead journal of usage events: every event is copied into a memory-mapped segment in
/// <c>{DataDirectory}/journal/</c> by the request that made it, before it enters the channel, so an
/// event the writer has not yet put into the database or the spool survives the process being
/// killed. The pages belong to the kernel's page cache, which writes them back on its own: that is
/// enough for a process crash (SIGKILL, OOM kill, a crash), not for a machine crash or power loss,
/// which would need an fsync per append; the spool and the database, which are fsynced, cover an
/// event from the moment the writer hands it over. A segment is deleted once it is sealed and every
/// entry in it is durable elsewhere; segments a previous process left are replayed at start-up.
/// The request path takes no lock and makes no system call, except when a segment is full and the
/// next one is created (one in roughly ten thousand events); its first write to each 4 KiB page
/// takes a page fault in the kernel. A segment file is locked while open (FileShare.None, a flock
/// on Unix), so a second process on the same data folder never takes over a live one's segments.
/// </summary>
/// <param name="enabled">False: nothing is appended; segments an earlier process left are still replayed.</param>
internal sealed partial class UsageJournal(
    string directory,
    bool enabled,
    TimeProvider time,
    ILogger<UsageJournal> logger,
    int segmentBytes = UsageJournal.DefaultSegmentBytes) : IDisposable
{
    public const int DefaultSegmentBytes = 8 * 1024 * 1024;
    private const string Prefix = "usage-";
    private const string Extension = ".journal";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly List<JournalSegment> _segments = [];
    private JournalSegment? _current;
    private long _nextSequence = -1;
    private DateTimeOffset _retryAt;
    private bool _disposed;

    public string Directory { get; } = directory;

    /// <summary>Copies the event into the current segment; <c>default</c> when the journal is off or cannot take it.</summary>
    public JournalEntry Append(UsageEvent usage)
    {
        if (!enabled)
        {
            return default;
        }

        var payload = JournalRecord.Encode(usage);
        var segment = Volatile.Read(ref _current);
        while (true)
        {
            if (segment is not null)
            {
                if (payload.Length > segment.MaxPayload)
                {
                    return default;
                }

                var offset = segment.TryAppend(payload);
                if (offset >= 0)
                {
                    return new JournalEntry(segment, offset);
                }
            }

            segment = Roll(segment);
            if (segment is null)
            {
                return default;
            }
        }
    }

    public static void MarkDurable(List<JournalEntry> entries)
    {
        foreach (var entry in entries)
        {
            entry.Segment?.MarkDurable(entry.Offset);
        }
    }

    /// <summary>The segments, oldest first (leftovers of earlier processes before this one's).</summary>
    public IReadOnlyList<JournalSegment> Segments()
    {
        lock (_lock)
        {
            return [.. _segments];
        }
    }

    /// <summary>
    /// Takes over the segments earlier processes left (skipping any a live process still holds) and
    /// returns how many of their events are not yet durable.
    /// </summary>
    public int AdoptLeftovers()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var pending = 0;
        lock (_lock)
        {
            var known = _segments.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
            var adopted = new List<JournalSegment>();
            foreach (var (path, sequence) in ListSegments())
            {
                if (known.Contains(path))
                {
                    continue;
                }

                try
                {
                    if (JournalSegment.Open(path, sequence) is not { } segment)
                    {
                        LogHeldElsewhere(logger, path);
                        continue;
                    }

                    adopted.Add(segment);
                    pending += segment.Appended - segment.DurableCount;
                    LogAdopted(logger, path, segment.Appended - segment.DurableCount, segment.Torn);
                }
                catch (InvalidDataException)
                {
                    LogNotASegment(logger, path);
                }
            }

            _segments.InsertRange(0, adopted);
            _segments.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        }

        return pending;
    }

    /// <summary>Deletes every segment that is sealed and wholly durable.</summary>
    public void Collect()
    {
        lock (_lock)
        {
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                var segment = _segments[i];
                if (segment.CanDelete)
                {
                    _segments.RemoveAt(i);
                    Delete(segment);
                }
            }
        }
    }

    /// <summary>Seals the current segment (the next append starts a new one) and collects.</summary>
    public void Seal()
    {
        lock (_lock)
        {
            _current?.Seal();
            _current = null;
        }

        Collect();
    }

    /// <summary>Unmaps every segment; the ones not wholly durable stay on disk for the next process.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _current = null;
            foreach (var segment in _segments)
            {
                segment.Close();
            }

            _segments.Clear();
        }
    }

    private JournalSegment? Roll(JournalSegment? full)
    {
        lock (_lock)
        {
            if (_disposed || time.GetUtcNow() < _retryAt)
            {
                return null;
            }

            if (!ReferenceEquals(_current, full))
            {
                return _current;
            }

            try
            {
                var segment = CreateSegment();
                _segments.Add(segment);
                Volatile.Write(ref _current, segment);
                return segment;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not journaled until then; the channel still takes the events.
                _retryAt = time.GetUtcNow() + RetryAfterFailure;
                LogCreateFailed(logger, Directory, ex.GetType().Name, ex.Message, RetryAfterFailure.TotalSeconds);
                return null;
            }
        }
    }

    private JournalSegment CreateSegment()
    {
        AtomicFile.CreatePrivateDirectory(Directory);
        if (_nextSequence < 0)
        {
            _nextSequence = ListSegments().Select(s => s.Sequence + 1).DefaultIfEmpty(0).Max();
        }

        while (true)
        {
            var path = System.IO.Path.Combine(Directory, $"{Prefix}{_nextSequence++:D12}{Extension}");
            if (!File.Exists(path))
            {
                return JournalSegment.Create(path, _nextSequence - 1, segmentBytes);
            }
        }
    }

    private void Delete(JournalSegment segment)
    {
        try
        {
            segment.Delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Every entry is durable: a replay of the file later inserts nothing new.
            LogDeleteFailed(logger, segment.Path, ex.Message);
        }
    }

    private List<(string Path, long Sequence)> ListSegments()
    {
        var segments = new List<(string, long)>();
        foreach (var path in System.IO.Directory.GetFiles(Directory, Prefix + "*" + Extension))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(path)[Prefix.Length..];
            if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                segments.Add((path, sequence));
            }
        }

        segments.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return segments;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Usage journal segment {Path} from an earlier process: {Pending} events to replay, {Torn} torn entries.")]
    private static partial void LogAdopted(ILogger logger, string path, int pending, int torn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Usage journal segment {Path} is held by another live process; left alone.")]
    private static partial void LogHeldElsewhere(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} is not a usage journal segment; left alone.")]
    private static partial void LogNotASegment(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Creating a usage journal segment in {Directory} failed ({Error}: {Reason}); events are not journaled for {Seconds} s.")]
    private static partial void LogCreateFailed(ILogger logger, string directory, string error, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the replayed usage journal segment {Path} failed: {Reason}.")]
    private static partial void LogDeleteFailed(ILogger logger, string path, string reason);
}
