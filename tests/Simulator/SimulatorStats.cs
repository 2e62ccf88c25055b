using System.Collections.Concurrent;
using Platform.Simulator.Scripting;

namespace Platform.Simulator;

/// <summary>Calls per model, and per model and outcome (<c>ok</c>, <c>bad_request</c> or a fault's wire name).</summary>
public sealed class SimulatorStats
{
    public const string Ok = "ok";
    public const string BadRequest = "bad_request";

    /// <summary>Model key of requests whose body named no model.</summary>
    public const string NoModel = "(none)";

    private readonly ConcurrentDictionary<string, ModelCounters> _models = new(StringComparer.Ordinal);

    internal SimulatorStats()
    {
    }

    public long GetCalls(string model) => _models.TryGetValue(model, out var counters) ? counters.Calls : 0;

    public long GetCalls(string model, string outcome) =>
        _models.TryGetValue(model, out var counters) ? counters.Get(outcome) : 0;

    public IReadOnlyDictionary<string, ModelCallStats> Snapshot() =>
        _models.ToDictionary(pair => pair.Key, pair => pair.Value.Snapshot(), StringComparer.Ordinal);

    public void Reset() => _models.Clear();

    internal void Record(string model, string outcome) =>
        _models.GetOrAdd(model, static _ => new ModelCounters()).Record(outcome);
}
