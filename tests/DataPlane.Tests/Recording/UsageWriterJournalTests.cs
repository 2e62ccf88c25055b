using Microsoft.Extensions.Logging.Abstractions;
using Platform.DataPlane.Recording;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Recording;

/// <summary>The writer with the journal: what a killed process left, and what a full channel dropped.</summary>
public sealed class UsageWriterJournalTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly RecordingTestDatabase _database = new();

    [Fact]
    public async Task Start_JournalLeftByKilledProcess_WritesEveryEventNotYetDurableOnceAndDeletesTheSegments()
    {
        var events = Events(60);
        using (var killed = _database.Journal(segmentBytes: 16 * 1024))
        {
            var entries = events.Select(killed.Append).ToList();
            // The killed process had handed the first ten over (to a database this test does not have).
            UsageJournal.MarkDurable(entries[..10]);
        }

        Assert.True(_database.JournalSegments().Length > 1);
        using var journal = _database.Journal();
        var (writer, _) = Writer(_database.Good, journal);

        await writer.StartAsync(CancellationToken.None);
        await UntilAsync(() => writer.Recovered == 50);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal((50, 100), await _database.CountAsync());
        Assert.Equal(events[10..].Select(e => e.Id).Order(), await _database.IdsAsync());
        Assert.Empty(_database.JournalSegments());
    }

    [Fact]
    public async Task Start_JournalLeftByKilledProcess_DatabaseDown_MovesEveryEventToTheSpool()
    {
        var events = Events(20);
        using (var killed = _database.Journal())
        {
            foreach (var usage in events)
            {
                killed.Append(usage);
            }
        }

        using var journal = _database.Journal();
        var (writer, _) = Writer(_database.Unreachable, journal);
        using var spool = _database.Spool();

        await writer.StartAsync(CancellationToken.None);
        await UntilAsync(() => writer.Recovered == events.Count);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(events.Count, writer.Spooled);
        var spooled = spool.Seal().SelectMany(s => UsageSpool.Read(s).Events).Select(e => e.Id);
        Assert.Equal(events.Select(e => e.Id), spooled);
        Assert.Empty(_database.JournalSegments());
    }

    [Fact]
    public async Task Writer_ChannelFull_DroppedEventsReadBackFromJournalExactlyOnce()
    {
        var events = Events(35);
        using var journal = _database.Journal();
        var (writer, channel) = Writer(_database.Good, journal, capacity: 10);
        var queued = events.Count(usage => channel.TryWrite(new JournaledUsage(usage, journal.Append(usage))));
        Assert.Equal(10, queued);
        Assert.Equal(25, channel.Dropped);

        await writer.StartAsync(CancellationToken.None);
        await UntilAsync(() => writer.Recovered >= 25 && channel.Reader.Count == 0);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal((35, 70), await _database.CountAsync());
        Assert.Equal(events.Select(e => e.Id).Order(), await _database.IdsAsync());
        Assert.Equal(0, channel.Lost);
        Assert.Empty(_database.JournalSegments());
    }

    [Fact]
    public async Task Writer_JournaledEventsWritten_NothingRecoveredAndSegmentsGoneAfterShutdown()
    {
        var events = Events(20);
        using var journal = _database.Journal();
        var (writer, channel) = Writer(_database.Good, journal);
        await writer.StartAsync(CancellationToken.None);
        foreach (var usage in events)
        {
            channel.TryWrite(new JournaledUsage(usage, journal.Append(usage)));
        }

        await UntilAsync(() => writer.Written == events.Count);
        Assert.NotEmpty(_database.JournalSegments());
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, writer.Recovered);
        Assert.Equal((20, 40), await _database.CountAsync());
        Assert.Empty(_database.JournalSegments());
    }

    [Fact]
    public async Task Writer_SameEventTwiceInOneBatch_InsertedOnce()
    {
        var usage = _database.Event(attempts: 2);
        var copy = SpooledUsage.From(usage).ToEntity();
        using var journal = _database.Journal(enabled: false);
        var (writer, channel) = Writer(_database.Good, journal);
        channel.TryWrite(usage);
        channel.TryWrite(copy);

        await writer.StartAsync(CancellationToken.None);
        await UntilAsync(() => writer.Written == 2);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal((1, 2), await _database.CountAsync());
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

    private List<UsageEvent> Events(int count) => [.. Enumerable.Range(0, count).Select(_ => _database.Event(attempts: 2))];

    private (UsageWriter Writer, UsageChannel Channel) Writer(PlatformDbContextFactory contexts, UsageJournal journal, int capacity = UsageChannel.Capacity)
    {
        var channel = new UsageChannel(capacity);
        var writer = new UsageWriter(channel, journal, _database.Spool(), contexts, TimeProvider.System, NullLogger<UsageWriter>.Instance)
        {
            WriteTimeout = TimeSpan.FromSeconds(5),
            ProbeInterval = TimeSpan.FromMilliseconds(300),
        };
        return (writer, channel);
    }
}
