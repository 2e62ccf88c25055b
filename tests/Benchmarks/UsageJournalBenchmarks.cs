using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.DataPlane.Recording;
using Platform.Shared.Domain;

namespace Platform.Benchmarks;

/// <summary>
/// What the usage journal adds to a call's request thread: the event encoded as a
/// <see cref="JournalRecord"/> and copied into the memory-mapped segment, with the writer's mark that it
/// is durable and the deletion of full segments amortized in. The baseline is the spool's JSON
/// (<c>SpooledUsage</c>, source-generated), which the journal wrote before; <c>Encode</c> is the record
/// alone, into its reused buffer; <c>Encode_CopyToArray</c> adds the copy into plain memory, so the
/// difference to <c>Append</c> is what the file mapping costs (mostly the kernel's fault on the first
/// write to each 4 KiB page). The journal lives in a temp folder on the disk the benchmark runs from;
/// it dirties pages far faster, and creates segments (8 MiB) far more often, than a data plane doing a
/// few thousand calls a second.
/// </summary>
[MemoryDiagnoser]
public class UsageJournalBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly byte[] _memory = new byte[UsageJournal.DefaultSegmentBytes];
    private string _directory = null!;
    private UsageJournal _journal = null!;
    private UsageEvent _usage = null!;
    private Utf8JsonWriter _json = null!;
    private int _appends;
    private int _copied;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "platform-bench-journal-" + Guid.NewGuid().ToString("N"));
        _journal = new UsageJournal(_directory, enabled: true, TimeProvider.System, NullLogger<UsageJournal>.Instance);
        _json = new Utf8JsonWriter(_buffer);
        _usage = Event();
        if (!_journal.Append(_usage).IsJournaled)
        {
            throw new InvalidOperationException("The journal refused the benchmark event.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.Dispose();
        _json.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int Json()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, SpooledUsage.From(_usage), SpoolJsonContext.Default.SpooledUsage);
        _json.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int Encode() => JournalRecord.Encode(_usage).Length;

    [Benchmark]
    public int Encode_CopyToArray()
    {
        var record = JournalRecord.Encode(_usage);
        if (_copied + record.Length > _memory.Length)
        {
            _copied = 0;
        }

        record.CopyTo(_memory.AsSpan(_copied));
        _copied += (record.Length + 7) & ~7;
        return _copied;
    }

    [Benchmark]
    public int Append()
    {
        var entry = _journal.Append(_usage);
        entry.Segment!.MarkDurable(entry.Offset);
        if (++_appends % 4096 == 0)
        {
            _journal.Collect();
        }

        return entry.Offset;
    }

    /// <summary>A served chat call with one attempt, as the recorder builds it.</summary>
    private static UsageEvent Event()
    {
        var usage = new UsageEvent
        {
            Id = Guid.CreateVersion7(),
            TenantId = Guid.CreateVersion7(),
            ApiKeyId = Guid.CreateVersion7(),
            Endpoint = "chat",
            Feature = "support-summary",
            Customer = "customer-4711",
            Route = "default",
            Strategy = "Priority",
            Provider = "openai",
            Model = "gpt-4o-mini",
            Status = 200,
            StartedAt = DateTime.UtcNow,
            LatencyMs = 412,
            UpstreamLatencyMs = 398,
            InputTokens = 412,
            OutputTokens = 87,
            CostNanoUsd = 114_000,
            RecordedBy = "dp-" + Guid.NewGuid().ToString("N")[..12],
        };
        usage.Attempts.Add(new UsageAttempt
        {
            Id = Guid.CreateVersion7(),
            TenantId = usage.TenantId,
            UsageEventId = usage.Id,
            Provider = "openai",
            Model = "gpt-4o-mini",
            Status = 200,
            LatencyMs = 398,
            InputTokens = 412,
            OutputTokens = 87,
            CostNanoUsd = 114_000,
        });
        return usage;
    }
}
