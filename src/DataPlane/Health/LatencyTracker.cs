using System.Collections.Concurrent;

namespace Platform.DataPlane.Health;

/// <summary>
/// Observed latency and error rate per deployment (<c>ModelPolicy.Id</c>) as exponentially
/// weighted moving averages, for the least-latency strategy and the caller's max-latency limit.
/// <para>
/// The executor records the upstream latency of successful attempts (time to first token for
/// streams, total time otherwise) with <see cref="RecordSuccess"/>, and failed attempts with
/// <see cref="RecordFailure"/>, which moves only the error rate: a timeout's latency is the
/// timeout, not the model's speed. Data older than <see cref="StaleAfter"/> reads as unknown,
/// so least-latency sends the next request there and measures it again instead of starving a
/// model that was slow once.
/// </para>
/// </summary>
internal sealed class LatencyTracker(TimeProvider time)
{
    /// <summary>Weight of the newest sample: about the last ten samples dominate.</summary>
    public const double Alpha = 0.2;

    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, LatencyCell> _cells = new();

    public void RecordSuccess(Guid modelId, TimeSpan latency)
    {
        var cell = _cells.GetOrAdd(modelId, static _ => new LatencyCell());
        cell.AddLatency(Math.Max(latency.TotalMilliseconds, 0), Alpha, time.GetUtcNow().UtcTicks);
        cell.AddOutcome(failed: false, Alpha);
    }

    public void RecordFailure(Guid modelId) =>
        _cells.GetOrAdd(modelId, static _ => new LatencyCell()).AddOutcome(failed: true, Alpha);

    /// <summary>The latency average in milliseconds; false when never measured or stale.</summary>
    public bool TryGetLatency(Guid modelId, out double milliseconds) =>
        TryGetLatency(modelId, time.GetUtcNow().UtcTicks, out milliseconds);

    public bool TryGetLatency(Guid modelId, long utcNowTicks, out double milliseconds)
    {
        if (_cells.TryGetValue(modelId, out var cell) && cell.Samples > 0 && utcNowTicks - cell.LastSampleTicks <= StaleAfter.Ticks)
        {
            milliseconds = cell.LatencyMs;
            return true;
        }

        milliseconds = 0;
        return false;
    }

    /// <summary>Moving share of failed attempts, 0 when unknown.</summary>
    public double ErrorRate(Guid modelId) => _cells.TryGetValue(modelId, out var cell) ? cell.ErrorRate : 0;
}
