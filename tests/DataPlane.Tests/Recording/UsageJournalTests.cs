using System.Buffers.Binary;
using Platform.DataPlane.Recording;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Recording;

public sealed class UsageJournalTests : IDisposable
{
    private readonly RecordingTestDatabase _database = new();

    [Fact]
    public void Append_ThenReadBack_EveryEventInOrderWithItsAttempts()
    {
        var events = Enumerable.Range(0, 5).Select(_ => _database.Event(attempts: 2)).ToList();
        events[0].RecordedBy = "dp-1";
        events[0].PromptName = "greeting";
        using var journal = _database.Journal();

        var entries = events.Select(journal.Append).ToList();

        Assert.All(entries, e => Assert.True(e.IsJournaled));
        var read = ReadPending(journal);
        Assert.Equal(events.Select(e => e.Id), read.Select(e => e.Id));
        var back = read[0].ToEntity();
        Assert.Equal("dp-1", back.RecordedBy);
        Assert.Equal("greeting", back.PromptName);
        Assert.Equal(events[0].CostNanoUsd, back.CostNanoUsd);
        Assert.Equal(events[0].Attempts.Select(a => (a.Id, a.Index, a.Status)), back.Attempts.Select(a => (a.Id, a.Index, a.Status)));
    }

    [Fact]
    public void Append_SegmentFull_RollsToNewSegmentsReadBackInOrder()
    {
        var events = Enumerable.Range(0, 40).Select(_ => _database.Event()).ToList();
        using var journal = _database.Journal(segmentBytes: 1024);

        foreach (var usage in events)
        {
            journal.Append(usage);
        }

        Assert.True(journal.Segments().Count > 3);
        Assert.Equal(events.Select(e => e.Id), ReadPending(journal).Select(e => e.Id));
    }

    [Fact]
    public void Append_ManyThreadsAcrossRolls_EveryEventReadBackOnceInEachThreadsOrder()
    {
        const int Threads = 4;
        const int PerThread = 1000;
        var events = Enumerable.Range(0, Threads).Select(_ => Enumerable.Range(0, PerThread).Select(_ => _database.Event()).ToList()).ToList();
        using var journal = _database.Journal(segmentBytes: 64 * 1024);

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            foreach (var usage in events[t])
            {
                Assert.True(journal.Append(usage).IsJournaled);
            }
        });

        var read = ReadPending(journal).Select(e => e.Id).ToList();
        Assert.Equal(Threads * PerThread, read.Count);
        Assert.Equal(read.Count, read.Distinct().Count());
        foreach (var own in events)
        {
            var ids = own.Select(e => e.Id).ToHashSet();
            Assert.Equal(own.Select(e => e.Id), read.Where(ids.Contains));
        }
    }

    [Fact]
    public void Collect_SealedSegments_DeletesOnlyTheWhollyDurableOnes()
    {
        using var journal = _database.Journal(segmentBytes: 1024);
        var entries = Enumerable.Range(0, 20).Select(_ => journal.Append(_database.Event())).ToList();
        var first = entries[0].Segment!;
        var last = entries[^1].Segment!;
        UsageJournal.MarkDurable([.. entries.Where(e => e.Segment == first)]);

        journal.Seal();

        Assert.DoesNotContain(first.Path, _database.JournalSegments());
        Assert.Contains(last.Path, _database.JournalSegments());
        Assert.True(entries[0].IsDurable);
        Assert.False(entries[^1].IsDurable);

        UsageJournal.MarkDurable(entries);
        journal.Collect();
        Assert.Empty(_database.JournalSegments());
    }

    [Fact]
    public void AdoptLeftovers_SegmentsOfAKilledProcess_OnlyEntriesNotYetDurableArePending()
    {
        var events = Enumerable.Range(0, 6).Select(_ => _database.Event()).ToList();
        using (var killed = _database.Journal())
        {
            var entries = events.Select(killed.Append).ToList();
            UsageJournal.MarkDurable(entries[..2]);
        }

        using var journal = _database.Journal();

        Assert.Equal(4, journal.AdoptLeftovers());
        Assert.Equal(events[2..].Select(e => e.Id), ReadPending(journal).Select(e => e.Id));
    }

    [Fact]
    public void AdoptLeftovers_TornAndNeverHeadedEntries_SkippedWithoutHidingLaterOnes()
    {
        var events = Enumerable.Range(0, 5).Select(_ => _database.Event()).ToList();
        List<JournalEntry> entries;
        string path;
        using (var killed = _database.Journal())
        {
            entries = events.Select(killed.Append).ToList();
            path = entries[0].Segment!.Path;
        }

        // The kill caught one appender mid-copy (negative length) and another right after it
        // reserved its space, before it wrote anything (all zero).
        var bytes = File.ReadAllBytes(path);
        var tornLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(entries[1].Offset));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(entries[1].Offset), -tornLength);
        bytes.AsSpan(entries[1].Offset + JournalSegment.HeaderBytes + (tornLength / 2), tornLength / 2).Clear();
        bytes.AsSpan(entries[2].Offset, entries[3].Offset - entries[2].Offset).Clear();
        File.WriteAllBytes(path, bytes);

        using var journal = _database.Journal();

        Assert.Equal(3, journal.AdoptLeftovers());
        Assert.Equal(1, Assert.Single(journal.Segments()).Torn);
        Assert.Equal(new[] { events[0], events[3], events[4] }.Select(e => e.Id), ReadPending(journal).Select(e => e.Id));
    }

    [Fact]
    public void AdoptLeftovers_SegmentHeldByALiveJournal_LeftAlone()
    {
        using var live = _database.Journal();
        live.Append(_database.Event());

        using var other = _database.Journal();

        Assert.Equal(0, other.AdoptLeftovers());
        Assert.Empty(other.Segments());
        Assert.Single(_database.JournalSegments());
    }

    [Fact]
    public void Append_JournalOff_NotJournaledAndNoFile()
    {
        using var journal = _database.Journal(enabled: false);

        var entry = journal.Append(_database.Event());

        Assert.False(entry.IsJournaled);
        Assert.False(entry.IsDurable);
        Assert.Empty(_database.JournalSegments());
    }

    [Fact]
    public void Append_OnUnix_SegmentIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var journal = _database.Journal();
        var entry = journal.Append(_database.Event());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(entry.Segment!.Path));
    }

    public void Dispose() => _database.Dispose();

    private static List<SpooledUsage> ReadPending(UsageJournal journal)
    {
        var all = new List<SpooledUsage>();
        var read = new List<(int Offset, SpooledUsage Usage)>();
        var unreadable = 0;
        foreach (var segment in journal.Segments())
        {
            var cursor = JournalSegment.FirstEntry;
            bool more;
            do
            {
                more = segment.ReadPending(ref cursor, 7, read, ref unreadable);
                all.AddRange(read.Select(r => r.Usage));
                read.Clear();
            }
            while (more);
        }

        Assert.Equal(0, unreadable);
        return all;
    }
}
