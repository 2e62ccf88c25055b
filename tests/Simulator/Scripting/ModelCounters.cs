using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Platform.Simulator.Scripting;

internal sealed class ModelCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _outcomes = new(StringComparer.Ordinal);
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public void Record(string outcome)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Increment(ref _outcomes.GetOrAdd(outcome, static _ => new StrongBox<long>()).Value);
    }

    public long Get(string outcome) =>
        _outcomes.TryGetValue(outcome, out var box) ? Interlocked.Read(ref box.Value) : 0;

    public ModelCallStats Snapshot() => new(
        Calls,
        _outcomes.ToDictionary(pair => pair.Key, pair => Interlocked.Read(ref pair.Value.Value), StringComparer.Ordinal));
}
