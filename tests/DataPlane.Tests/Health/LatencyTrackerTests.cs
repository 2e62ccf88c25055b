using Platform.DataPlane.Health;

namespace Platform.DataPlane.Tests.Health;

public sealed class LatencyTrackerTests
{
    [Fact]
    public void TryGetLatency_NeverMeasured_ReturnsFalse()
    {
        var tracker = new LatencyTracker(new FakeTimeProvider());

        Assert.False(tracker.TryGetLatency(Guid.NewGuid(), out _));
    }

    [Fact]
    public void RecordSuccess_FirstSample_SeedsAverage()
    {
        var tracker = new LatencyTracker(new FakeTimeProvider());
        var id = Guid.NewGuid();

        tracker.RecordSuccess(id, TimeSpan.FromMilliseconds(800));

        Assert.True(tracker.TryGetLatency(id, out var ms));
        Assert.Equal(800, ms, precision: 6);
    }

    [Fact]
    public void RecordSuccess_LaterSample_MovesAverageByAlpha()
    {
        var tracker = new LatencyTracker(new FakeTimeProvider());
        var id = Guid.NewGuid();
        tracker.RecordSuccess(id, TimeSpan.FromMilliseconds(100));

        tracker.RecordSuccess(id, TimeSpan.FromMilliseconds(600));

        tracker.TryGetLatency(id, out var ms);
        Assert.Equal(100 + (LatencyTracker.Alpha * 500), ms, precision: 6);
    }

    [Fact]
    public void TryGetLatency_OlderThanStaleAfter_ReturnsFalse()
    {
        var time = new FakeTimeProvider();
        var tracker = new LatencyTracker(time);
        var id = Guid.NewGuid();
        tracker.RecordSuccess(id, TimeSpan.FromMilliseconds(100));

        time.Advance(LatencyTracker.StaleAfter);
        var fresh = tracker.TryGetLatency(id, out _);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(fresh);
        Assert.False(tracker.TryGetLatency(id, out _));
    }

    [Fact]
    public void ErrorRate_FailuresRaiseIt_SuccessesLowerIt()
    {
        var tracker = new LatencyTracker(new FakeTimeProvider());
        var id = Guid.NewGuid();

        for (var i = 0; i < 20; i++)
        {
            tracker.RecordFailure(id);
        }

        var afterFailures = tracker.ErrorRate(id);
        for (var i = 0; i < 20; i++)
        {
            tracker.RecordSuccess(id, TimeSpan.FromMilliseconds(100));
        }

        Assert.True(afterFailures > 0.95, $"error rate after failures was {afterFailures}");
        Assert.True(tracker.ErrorRate(id) < 0.05, $"error rate after successes was {tracker.ErrorRate(id)}");
        Assert.Equal(0, tracker.ErrorRate(Guid.NewGuid()));
    }

    [Fact]
    public void RecordSuccess_ConcurrentWriters_NoLostOrTornUpdates()
    {
        var tracker = new LatencyTracker(new FakeTimeProvider());
        var id = Guid.NewGuid();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                tracker.RecordSuccess(id, TimeSpan.FromMilliseconds(250));
            }
        });

        Assert.True(tracker.TryGetLatency(id, out var ms));
        Assert.Equal(250, ms, precision: 6);
    }
}
