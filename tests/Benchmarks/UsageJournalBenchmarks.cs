using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.DataPlane.Recording;
using Platform.Shared.Domain;

namespace Platform.Benchmarks;

/// <summary>
/// What the usage journal adds to a call's request thread: the event serialized to the spool's JSON
/// (<c>SpooledUsage</c>, source-generated) and copied into the memory-mapped segment, with the
/// writer's mark that it is durable and the deletion of full segments amortized in. The baseline is
/// the serialization alone, into a reused buffer; <c>Serialize_CopyToArray</c> adds the copy into
/// plain memory, so the difference to <c>Append</c> is what the file mapping costs (mostly the
/// kernel's fault on the first write to each 4 KiB page, one per ~5 appends). The journal lives in a
/// temp folder on the disk the benchmark runs from; it dirties some 150 MB/s of pages and creates a
/// segment (8 MiB) every ~11,000 appends, far more than a data plane doing a few thousand calls a second.
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
    public int Serialize()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, SpooledUsage.From(_usage), SpoolJsonContext.Default.SpooledUsage);
        _json.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int Serialize_CopyToArray()
    {
        var length = Serialize();
        if (_copied + length > _memory.Length)
        {
            _copied = 0;
        }

        _buffer.WrittenSpan.CopyTo(_memory.AsSpan(_copied));
        _copied += (length + 7) & ~7;
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
