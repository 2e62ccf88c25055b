using System.Text.Json;
using Platform.DataPlane.Recording;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Recording;

public sealed class JournalRecordTests : IDisposable
{
    private readonly RecordingTestDatabase _database = new();

    [Fact]
    public void Decode_EveryFieldSet_SameAsTheSpoolsForm()
    {
        var usage = Full();

        var decoded = JournalRecord.Decode(JournalRecord.Encode(usage));

        Assert.Equivalent(SpooledUsage.From(usage), decoded, strict: true);
    }

    [Fact]
    public void Decode_EveryOptionalFieldNullAndNoAttempts_SameAsTheSpoolsForm()
    {
        var usage = new UsageEvent
        {
            TenantId = _database.TenantId,
            Endpoint = "embeddings",
            StartedAt = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc),
        };

        var decoded = JournalRecord.Decode(JournalRecord.Encode(usage));

        Assert.Equivalent(SpooledUsage.From(usage), decoded, strict: true);
        Assert.Null(decoded.ApiKeyId);
        Assert.Null(decoded.PromptVersion);
        Assert.Empty(decoded.Attempts);
        Assert.Equal(DateTimeKind.Utc, decoded.StartedAt.Kind);
    }

    [Fact]
    public void Encode_LessThanHalfTheSpoolsJson()
    {
        var usage = _database.Event(attempts: 1);

        var record = JournalRecord.Encode(usage).Length;
        var json = JsonSerializer.SerializeToUtf8Bytes(SpooledUsage.From(usage), SpoolJsonContext.Default.SpooledUsage).Length;

        Assert.True(record * 2 < json, $"record {record} bytes, JSON {json} bytes");
    }

    [Fact]
    public void Decode_EveryTruncation_InvalidData()
    {
        var bytes = JournalRecord.Encode(Full()).ToArray();

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => JournalRecord.Decode(bytes.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Decode_RandomCorruption_DecodesOrInvalidDataNothingElse()
    {
        var bytes = JournalRecord.Encode(Full()).ToArray();
        var random = new Random(24);
        var refused = 0;

        for (var i = 0; i < 5000; i++)
        {
            var corrupt = bytes.ToArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            }

            try
            {
                JournalRecord.Decode(corrupt);
            }
            catch (InvalidDataException)
            {
                refused++;
            }
        }

        // Flags, lengths and the format byte catch much of it; payload bytes of strings and numbers cannot be told apart.
        Assert.InRange(refused, 1, 4999);
    }

    [Fact]
    public void ReadPending_EntriesOfAnEarlierVersionInJson_ReadBackBesideNewOnes()
    {
        var old = _database.Event(attempts: 2);
        var current = _database.Event();
        Directory.CreateDirectory(_database.JournalDirectory);
        using var segment = JournalSegment.Create(Path.Combine(_database.JournalDirectory, "usage-000000000000.journal"), 0, 64 * 1024);

        Assert.True(segment.TryAppend(JsonSerializer.SerializeToUtf8Bytes(SpooledUsage.From(old), SpoolJsonContext.Default.SpooledUsage)) >= 0);
        Assert.True(segment.TryAppend(JournalRecord.Encode(current)) >= 0);
        var read = new List<(int Offset, SpooledUsage Usage)>();
        var cursor = JournalSegment.FirstEntry;
        var unreadable = 0;
        segment.ReadPending(ref cursor, 10, read, ref unreadable);

        Assert.Equal(0, unreadable);
        Assert.Equal(2, read.Count);
        Assert.Equivalent(SpooledUsage.From(old), read[0].Usage, strict: true);
        Assert.Equivalent(SpooledUsage.From(current), read[1].Usage, strict: true);
    }

    [Fact]
    public void ReadPending_UndecodableEntry_CountedAndMarkedDurableLaterOnesRead()
    {
        var good = _database.Event();
        Directory.CreateDirectory(_database.JournalDirectory);
        using var segment = JournalSegment.Create(Path.Combine(_database.JournalDirectory, "usage-000000000000.journal"), 0, 64 * 1024);
        var broken = JournalRecord.Encode(good).ToArray()[..40];

        var brokenOffset = segment.TryAppend(broken);
        segment.TryAppend(JournalRecord.Encode(good));
        var read = new List<(int Offset, SpooledUsage Usage)>();
        var cursor = JournalSegment.FirstEntry;
        var unreadable = 0;
        segment.ReadPending(ref cursor, 10, read, ref unreadable);

        Assert.Equal(1, unreadable);
        Assert.True(segment.IsDurable(brokenOffset));
        Assert.Equal(good.Id, Assert.Single(read).Usage.Id);
    }

    public void Dispose() => _database.Dispose();

    private UsageEvent Full()
    {
        var usage = new UsageEvent
        {
            TenantId = _database.TenantId,
            ApiKeyId = Guid.NewGuid(),
            Endpoint = "chat",
            Feature = "support-ü",
            Customer = "acme 株式会社",
            Route = "ticket_triage",
            Strategy = "least-latency",
            PromptName = "triage",
            PromptVersion = 7,
            PromptLabel = "production",
            Provider = "anthropic",
            Model = "claude-sonnet",
            Status = 200,
            ErrorClass = "rate_limited",
            StartedAt = new DateTime(2026, 11, 24, 19, 58, 1, DateTimeKind.Utc).AddTicks(1234567),
            LatencyMs = 321,
            UpstreamLatencyMs = 300,
            TimeToFirstTokenMs = 45,
            InputTokens = 1000,
            OutputTokens = 2000,
            CachedTokens = 500,
            CostNanoUsd = long.MaxValue - 1,
            CostEstimated = true,
            CacheHit = true,
            Streamed = true,
            FallbackCount = 1,
            Degraded = true,
            Redacted = true,
            RecordedBy = "dp-1",
        };
        usage.Attempts.Add(new UsageAttempt { Index = 0, Provider = "openai", Model = "gpt", Status = 429, ErrorClass = "rate_limited", LatencyMs = 12, Cancelled = true });
        usage.Attempts.Add(new UsageAttempt { Index = 1, Provider = "anthropic", Model = "claude-sonnet", Status = null, LatencyMs = 300, InputTokens = 1000, OutputTokens = 2000, CostNanoUsd = -5 });
        return usage;
    }
}
