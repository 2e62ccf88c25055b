namespace Platform.DataPlane.Configuration;

/// <summary>
/// Holds the current <see cref="PolicySnapshot"/>. Readers take <see cref="Current"/> once per
/// request (a volatile read, no lock); the loader swaps in a new snapshot with one exchange.
/// </summary>
internal sealed class PolicyStore
{
    private PolicySnapshot _current = PolicySnapshot.Empty;

    public PolicySnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after a swap; used by caches keyed on tenant config (never on the request path).</summary>
    public event Action<PolicySnapshot>? Swapped;

    public void Swap(PolicySnapshot next)
    {
        Interlocked.Exchange(ref _current, next);
        Swapped?.Invoke(next);
    }
}
