namespace Platform.DataPlane.Health;

/// <summary>
/// One deployment's moving averages. Doubles are stored as their bit pattern in longs so updates
/// are a compare-and-swap loop: no lock, and a reader never sees a torn value.
/// </summary>
internal sealed class LatencyCell
{
    private long _latencyBits;
    private long _errorBits;
    private long _samples;
    private long _lastSampleTicks;

    public long Samples => Interlocked.Read(ref _samples);

    public double LatencyMs => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _latencyBits));

    public double ErrorRate => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _errorBits));

    public long LastSampleTicks => Interlocked.Read(ref _lastSampleTicks);

    /// <summary>The first sample seeds the average, so one measurement is enough to rank a model.</summary>
    public void AddLatency(double ms, double alpha, long nowTicks)
    {
        var first = Interlocked.Increment(ref _samples) == 1;
        Update(ref _latencyBits, ms, first ? 1.0 : alpha);
        Interlocked.Exchange(ref _lastSampleTicks, nowTicks);
    }

    public void AddOutcome(bool failed, double alpha) => Update(ref _errorBits, failed ? 1.0 : 0.0, alpha);

    private static void Update(ref long bits, double sample, double alpha)
    {
        while (true)
        {
            var seen = Interlocked.Read(ref bits);
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(seen) + (alpha * (sample - BitConverter.Int64BitsToDouble(seen))));
            if (Interlocked.CompareExchange(ref bits, next, seen) == seen)
            {
                return;
            }
        }
    }
}
