using System.IO.MemoryMappedFiles;
using System.Text.Json;

namespace Platform.DataPlane.Recording;

/// <summary>
/// One journal file, preallocated and mapped shared: bytes copied into it are in the kernel's page
/// cache at once and outlive the process, SIGKILL included, with no system call per append.
/// Layout: an 8-byte file magic, then 8-byte-aligned entries <c>[int32 length][int32 state][a
/// <see cref="JournalRecord"/> (or, from an earlier version, the JSON of a SpooledUsage)][zero
/// padding]</c>. An appender reserves space with one Interlocked.Add on the tail, writes the header
/// with a negative length (reserved), copies the payload, and publishes by writing the positive
/// length last (Volatile.Write orders the payload before it). A reader finds at each entry zero
/// (reserved, nothing written yet), a negative length (being written, or torn by a kill) or a
/// positive one (whole). Neither of the first two hides the entries after it: a negative entry is
/// skipped by its length, a zero one 8 bytes at a time until the next header, known by its state
/// word. That scan only ever crosses space nobody wrote, never a payload: the header is written
/// before the payload, so a reservation without one holds only zeros.
/// </summary>
internal sealed unsafe class JournalSegment : IDisposable
{
    public const int FirstEntry = 8;
    public const int HeaderBytes = 8;
    private const ulong FileMagic = 0x314C_4E52_4A54_4C50; // "PLTJRNL1"
    private const int Pending = 0x00FF_5050;
    private const int Durable = 0x00FF_4450;

    // Past any capacity and far from overflow: a sealed segment refuses every reservation.
    private const long SealedTail = long.MaxValue / 2;

    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly int _capacity;
    private long _tail = FirstEntry;
    private int _active;
    private int _appended;
    private int _durable;
    private bool _closed;

    private JournalSegment(string path, long sequence, FileStream file)
    {
        Path = path;
        Sequence = sequence;
        _capacity = checked((int)file.Length);
        _map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        _view = _map.CreateViewAccessor(0, _capacity, MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + _view.PointerOffset;
    }

    public string Path { get; }

    public long Sequence { get; }

    /// <summary>Entries reserved in this segment (for a segment left by another process: whole ones).</summary>
    public int Appended => Volatile.Read(ref _appended);

    public int DurableCount => Volatile.Read(ref _durable);

    /// <summary>Entries a killed process reserved but never finished (found when opening a leftover).</summary>
    public int Torn { get; private set; }

    public int MaxPayload => _capacity - FirstEntry - HeaderBytes;

    /// <summary>Sealed, nobody inside, and every entry durable: the file can go.</summary>
    public bool CanDelete =>
        Volatile.Read(ref _tail) > _capacity && Volatile.Read(ref _active) == 0 && DurableCount == Appended;

    private int Limit => (int)Math.Min(Volatile.Read(ref _tail), _capacity);

    /// <summary>A new, zeroed segment; preallocated, so writing into the mapping cannot fail for want of disk.</summary>
    public static JournalSegment Create(string path, long sequence, int capacity)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            PreallocationSize = capacity,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var file = new FileStream(path, options);
        try
        {
            file.SetLength(capacity);
            var segment = new JournalSegment(path, sequence, file);
            *(ulong*)segment._base = FileMagic;
            return segment;
        }
        catch
        {
            file.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// A segment another process left, sealed, with its whole and torn entries counted; null when a
    /// live process still holds it (FileShare.None is an exclusive flock on Unix).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a journal segment.</exception>
    public static JournalSegment? Open(string path, long sequence)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        if (file.Length < FirstEntry + HeaderBytes || file.Length > int.MaxValue)
        {
            file.Dispose();
            throw new InvalidDataException($"{path} is not a usage journal segment.");
        }

        var segment = new JournalSegment(path, sequence, file);
        if (*(ulong*)segment._base != FileMagic)
        {
            segment.Close();
            throw new InvalidDataException($"{path} is not a usage journal segment.");
        }

        segment.Seal();
        segment.Count();
        return segment;
    }

    /// <returns>The entry's offset, or -1 when it does not fit (the segment is full or sealed).</returns>
    public int TryAppend(ReadOnlySpan<byte> payload)
    {
        var size = Align(HeaderBytes + payload.Length);
        Interlocked.Increment(ref _active);
        try
        {
            var end = Interlocked.Add(ref _tail, size);
            if (end > _capacity)
            {
                return -1;
            }

            Interlocked.Increment(ref _appended);
            var offset = (int)(end - size);
            var entry = _base + offset;
            Volatile.Write(ref *(long*)entry, Header(-payload.Length, Pending));
            payload.CopyTo(new Span<byte>(entry + HeaderBytes, payload.Length));
            Volatile.Write(ref *(int*)entry, payload.Length);
            return offset;
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    /// <summary>
    /// Whole entries not yet durable from <paramref name="cursor"/> on, at most <paramref name="max"/>
    /// into <paramref name="into"/>; the cursor moves past what was read. An entry that does not
    /// decode can never be replayed: it is counted in <paramref name="unreadable"/> and marked durable,
    /// so it does not keep the segment forever.
    /// </summary>
    /// <returns>False once the cursor reached the end of what is written.</returns>
    public bool ReadPending(ref int cursor, int max, List<(int Offset, SpooledUsage Usage)> into, ref int unreadable)
    {
        var limit = Limit;
        while (into.Count < max)
        {
            var offset = NextHeader(cursor, limit, out var length, out var state);
            if (offset < 0)
            {
                cursor = limit;
                return false;
            }

            cursor = offset + Align(HeaderBytes + Math.Abs(length));
            if (length < 0 || state == Durable)
            {
                continue;
            }

            SpooledUsage? usage = null;
            var payload = new ReadOnlySpan<byte>(_base + offset + HeaderBytes, length);
            try
            {
                // An earlier version journaled the spool's JSON.
                usage = payload[0] == (byte)'{'
                    ? JsonSerializer.Deserialize(payload, SpoolJsonContext.Default.SpooledUsage)
                    : JournalRecord.Decode(payload);
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException)
            {
                // Counted below.
            }

            if (usage is null)
            {
                unreadable++;
                MarkDurable(offset);
                continue;
            }

            into.Add((offset, usage));
        }

        return true;
    }

    /// <summary>
    /// A closed segment was deleted (every entry durable) or left for the next process to replay;
    /// either way this process must not write its entries again.
    /// </summary>
    public bool IsDurable(int offset) => _closed || Volatile.Read(ref *(int*)(_base + offset + sizeof(int))) == Durable;

    /// <summary>Once per entry: a second mark (a re-sent event) changes nothing.</summary>
    public void MarkDurable(int offset)
    {
        if (!_closed && Interlocked.CompareExchange(ref *(int*)(_base + offset + sizeof(int)), Durable, Pending) == Pending)
        {
            Interlocked.Increment(ref _durable);
        }
    }

    public void Seal() => Interlocked.Exchange(ref _tail, SealedTail);

    /// <summary>Seals, waits out appenders still copying, and unmaps; the file stays.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        Seal();
        var spin = new SpinWait();
        while (Volatile.Read(ref _active) != 0)
        {
            spin.SpinOnce();
        }

        _closed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }

    public void Delete()
    {
        Close();
        File.Delete(Path);
    }

    public void Dispose() => Close();

    private static int Align(int bytes) => (bytes + 7) & ~7;

    private static long Header(int length, int state) => (uint)length | ((long)state << 32);

    private int NextHeader(int from, int limit, out int length, out int state)
    {
        for (var offset = from; offset + HeaderBytes <= limit; offset += HeaderBytes)
        {
            var header = Volatile.Read(ref *(long*)(_base + offset));
            length = (int)header;
            state = (int)(header >> 32);
            if (length is not (0 or int.MinValue) && state is Pending or Durable && Math.Abs(length) <= limit - offset - HeaderBytes)
            {
                return offset;
            }
        }

        length = 0;
        state = 0;
        return -1;
    }

    private void Count()
    {
        var limit = Limit;
        var offset = NextHeader(FirstEntry, limit, out var length, out var state);
        while (offset >= 0)
        {
            if (length < 0)
            {
                Torn++;
            }
            else
            {
                _appended++;
                if (state == Durable)
                {
                    _durable++;
                }
            }

            offset = NextHeader(offset + Align(HeaderBytes + Math.Abs(length)), limit, out length, out state);
        }
    }
}
