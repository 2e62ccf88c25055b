namespace Platform.Simulator.Text;

/// <summary>SplitMix64: a tiny deterministic generator, so a seed always yields the same words.</summary>
internal struct SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public int Next(int exclusiveMax) => (int)(Next() % (ulong)exclusiveMax);

    /// <summary>A float in [-1, 1).</summary>
    public float NextSigned() => (float)((Next() >> 11) * (1.0 / (1UL << 53)) * 2.0 - 1.0);
}
