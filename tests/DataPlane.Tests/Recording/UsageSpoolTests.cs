using Platform.DataPlane.Recording;

namespace Platform.DataPlane.Tests.Recording;

public sealed class UsageSpoolTests : IDisposable
{
    private readonly RecordingTestDatabase _database = new();

    [Fact]
    public void Read_AppendedBatches_EveryEventAndAttemptInOrder()
    {
        var first = new[] { _database.Event(attempts: 2), _database.Event() };
        var second = new[] { _database.Event(attempts: 0) };
        first[0].PromptName = "greeting";
        first[0].UpstreamLatencyMs = 33;
        first[0].CostEstimated = true;
        using var spool = _database.Spool();

        spool.Append(first);
        spool.Append(second);
        var segments = spool.Seal();

        var segment = Assert.Single(segments);
        var read = UsageSpool.Read(segment);
        Assert.Equal(0, read.Skipped);
        Assert.Equal(first.Concat(second).Select(e => e.Id), read.Events.Select(e => e.Id));
        var back = read.Events[0].ToEntity();
        Assert.Equal(first[0].TenantId, back.TenantId);
        Assert.Equal("greeting", back.PromptName);
        Assert.Equal(33, back.UpstreamLatencyMs);
        Assert.True(back.CostEstimated);
        Assert.Equal(first[0].StartedAt, back.StartedAt);
        Assert.Equal(first[0].CostNanoUsd, back.CostNanoUsd);
        Assert.Equal(first[0].Attempts.Select(a => (a.Id, a.Index, a.Status)), back.Attempts.Select(a => (a.Id, a.Index, a.Status)));
        Assert.All(back.Attempts, a => Assert.Equal(back.Id, a.UsageEventId));
    }

    [Fact]
    public void Read_TornLastLine_SkipsItAndKeepsTheRest()
    {
        var events = new[] { _database.Event(), _database.Event(), _database.Event() };
        using var spool = _database.Spool();
        spool.Append(events);
        var segment = Assert.Single(spool.Seal());
        var whole = File.ReadAllBytes(segment);
        var firstLine = Array.IndexOf(whole, (byte)'\n');

        // A crash mid-write: half of a line, no newline.
        using (var file = new FileStream(segment, FileMode.Append))
        {
            file.Write(whole.AsSpan(0, firstLine / 2));
        }

        var read = UsageSpool.Read(segment);
        Assert.Equal(1, read.Skipped);
        Assert.Equal(events.Select(e => e.Id), read.Events.Select(e => e.Id));
    }

    [Fact]
    public void Append_SegmentPastMaxSize_NextBatchStartsNewSegmentReadInOrder()
    {
        var batches = Enumerable.Range(0, 3).Select(_ => new[] { _database.Event() }).ToArray();
        using var spool = _database.Spool(maxSegmentBytes: 1);

        foreach (var batch in batches)
        {
            spool.Append(batch);
        }

        var segments = spool.Seal();
        Assert.Equal(3, segments.Count);
        Assert.Equal(batches.Select(b => b[0].Id), segments.Select(s => Assert.Single(UsageSpool.Read(s).Events).Id));
    }

    [Fact]
    public void Append_NewSpoolOverOldSegments_NeverAppendsToThem()
    {
        using (var crashed = _database.Spool())
        {
            crashed.Append([_database.Event()]);
        }

        var old = Assert.Single(_database.Segments());
        var before = File.ReadAllBytes(old);
        using var spool = _database.Spool();
        spool.Append([_database.Event()]);

        var segments = spool.Seal();
        Assert.Equal(2, segments.Count);
        Assert.Equal(old, segments[0]);
        Assert.Equal(before, File.ReadAllBytes(old));
    }

    [Fact]
    public void Append_OnUnix_SegmentAndFolderAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var spool = _database.Spool();
        spool.Append([_database.Event()]);
        var segment = Assert.Single(spool.Seal());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(segment));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_database.SpoolDirectory));
    }

    public void Dispose() => _database.Dispose();
}
