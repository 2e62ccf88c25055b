using Microsoft.Extensions.Logging.Abstractions;
using Platform.DataPlane.Recording;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Recording;

/// <summary>The writer against a real SQLite file, and against a "database" that is not one.</summary>
public sealed class UsageWriterTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly RecordingTestDatabase _database = new();

    [Fact]
    public async Task Writer_DatabaseUp_WritesEveryEventWithoutSpooling()
    {
        var events = Events(20);
        var (writer, channel, spool) = Writer(_database.Good);
        using var _ = spool;
        await writer.StartAsync(CancellationToken.None);
        foreach (var usage in events)
        {
            channel.TryWrite(usage);
        }

        await UntilAsync(() => writer.Written == events.Count);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, writer.Spooled);
        Assert.Equal((20, 40), await _database.CountAsync());
        Assert.Empty(_database.Segments());
    }

    [Fact]
    public async Task Writer_DatabaseUnreachableThenReachable_SpoolsThenReplaysEveryEventExactlyOnce()
    {
        var events = Events(1200);
        var (down, downChannel, downSpool) = Writer(_database.Unreachable);
        await down.StartAsync(CancellationToken.None);
        foreach (var usage in events)
        {
            downChannel.TryWrite(usage);
        }

        await UntilAsync(() => down.Spooled == events.Count);
        await down.StopAsync(CancellationToken.None);
        downSpool.Dispose();

        Assert.Equal(0, down.Written);
        Assert.NotEmpty(_database.Segments());
        Assert.Equal((0, 0), await _database.CountAsync());

        var (up, _, upSpool) = Writer(_database.Good);
        using var __ = upSpool;
        await up.StartAsync(CancellationToken.None);
        await UntilAsync(() => up.Replayed == events.Count);
        await up.StopAsync(CancellationToken.None);

        Assert.Equal((1200, 2400), await _database.CountAsync());
        Assert.Equal(events.Select(e => e.Id).Order(), await _database.IdsAsync());
        Assert.Empty(_database.Segments());
    }

    [Fact]
    public async Task Writer_DatabaseComesBackWhileRunning_WritesDirectlyAndReplaysSpoolOnce()
    {
        var whileDown = Events(40);
        var afterwards = Events(10);
        var (writer, channel, spool) = Writer(_database.Flaky);
        using var _ = spool;
        await writer.StartAsync(CancellationToken.None);
        foreach (var usage in whileDown)
        {
            channel.TryWrite(usage);
        }

        await UntilAsync(() => writer.Spooled == whileDown.Count);
        _database.BringFlakyUp();
        await UntilAsync(() => writer.Replayed == whileDown.Count);
        foreach (var usage in afterwards)
        {
            channel.TryWrite(usage);
        }

        await UntilAsync(() => writer.Written == afterwards.Count);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(whileDown.Count, writer.Spooled);
        Assert.Equal((50, 100), await _database.CountAsync(_database.Flaky));
        Assert.Equal(whileDown.Concat(afterwards).Select(e => e.Id).Order(), await _database.IdsAsync(_database.Flaky));
        Assert.Empty(_database.Segments());
    }

    [Fact]
    public async Task Replay_SameSegmentsTwice_SecondInsertsNothingNew()
    {
        var events = Events(50);
        using (var spool = _database.Spool())
        {
            spool.Append(events);
        }

        var copy = Path.Combine(_database.DataDirectory, "spool-copy");
        Directory.CreateDirectory(copy);
        foreach (var segment in _database.Segments())
        {
            File.Copy(segment, Path.Combine(copy, Path.GetFileName(segment)));
        }

        await ReplayOnStartAsync(expected: events.Count);
        Assert.Equal((50, 100), await _database.CountAsync());

        foreach (var segment in Directory.GetFiles(copy))
        {
            File.Copy(segment, Path.Combine(_database.SpoolDirectory, Path.GetFileName(segment)));
        }

        await ReplayOnStartAsync(expected: events.Count);
        Assert.Equal((50, 100), await _database.CountAsync());
        Assert.Empty(_database.Segments());
    }

    [Fact]
    public async Task Start_SpoolLeftByKilledProcessWithTornLine_ReplaysEveryWholeEvent()
    {
        var events = Events(30);
        // The killed process: spooled two batches, then died in the middle of a third write.
        var killed = _database.Spool();
        killed.Append(events[..10]);
        killed.Append(events[10..]);
        killed.Dispose();
        var segment = Assert.Single(_database.Segments());
        await File.AppendAllTextAsync(segment, "{\"id\":\"0197");

        await ReplayOnStartAsync(expected: events.Count);

        Assert.Equal((30, 60), await _database.CountAsync());
        Assert.Equal(events.Select(e => e.Id).Order(), await _database.IdsAsync());
        Assert.Empty(_database.Segments());
    }

    [Fact]
    public async Task Stop_DatabaseDown_DrainsChannelToSpool()
    {
        var events = Events(700);
        var (writer, channel, spool) = Writer(_database.Unreachable, probeInterval: TimeSpan.FromMinutes(10));
        await writer.StartAsync(CancellationToken.None);
        foreach (var usage in events)
        {
            channel.TryWrite(usage);
        }

        await writer.StopAsync(CancellationToken.None);
        spool.Dispose();

        Assert.Equal(events.Count, writer.Spooled);
        var spooled = _database.Segments().Order(StringComparer.Ordinal).SelectMany(s => UsageSpool.Read(s).Events).Select(e => e.Id);
        Assert.Equal(events.Select(e => e.Id).Order(), spooled.Order());
    }

    [Fact]
    public async Task Start_DatabaseDown_KeepsSpoolForLater()
    {
        using (var spool = _database.Spool())
        {
            spool.Append(Events(5));
        }

        var before = _database.Segments();
        var (writer, _, writerSpool) = Writer(_database.Unreachable);
        using var _ = writerSpool;
        await writer.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, writer.Replayed);
        Assert.Equal(before, _database.Segments());
    }

    public void Dispose() => _database.Dispose();

    private static async Task UntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The writer did not get there in time.");
            await Task.Delay(20);
        }
    }

    private async Task ReplayOnStartAsync(int expected)
    {
        var (writer, _, spool) = Writer(_database.Good);
        using var _ = spool;
        await writer.StartAsync(CancellationToken.None);
        await UntilAsync(() => writer.Replayed == expected);
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(expected, writer.Replayed);
    }

    private List<UsageEvent> Events(int count) => [.. Enumerable.Range(0, count).Select(_ => _database.Event(attempts: 2))];

    private (UsageWriter Writer, UsageChannel Channel, UsageSpool Spool) Writer(PlatformDbContextFactory contexts, TimeSpan? probeInterval = null)
    {
        var channel = new UsageChannel();
        var spool = _database.Spool();
        var writer = new UsageWriter(channel, _database.Journal(enabled: false), spool, contexts, TimeProvider.System, NullLogger<UsageWriter>.Instance)
        {
            WriteTimeout = TimeSpan.FromSeconds(5),
            ProbeInterval = probeInterval ?? TimeSpan.FromMilliseconds(300),
        };
        return (writer, channel, spool);
    }
}
