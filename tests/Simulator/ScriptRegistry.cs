using System.Collections.Concurrent;
using Platform.Simulator.Scripting;

namespace Platform.Simulator;

/// <summary>Per-model scripts, shared by the control API (<c>/_sim/models</c>) and in-process callers.</summary>
public sealed class ScriptRegistry
{
    /// <summary>Script key that applies to every model without a script of its own.</summary>
    public const string AnyModel = "*";

    private readonly ConcurrentDictionary<string, ScriptEntry> _entries = new(StringComparer.Ordinal);

    internal ScriptRegistry()
    {
    }

    /// <summary>Installs or replaces the script of <paramref name="model"/>; a <c>FailFirst</c> count starts again.</summary>
    public void Set(string model, ModelScript script)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(script);
        _entries[model] = new ScriptEntry(script);
    }

    public bool Remove(string model) => _entries.TryRemove(model, out _);

    public void Clear() => _entries.Clear();

    public ModelScript? Get(string model) => _entries.TryGetValue(model, out var entry) ? entry.Script : null;

    public IReadOnlyDictionary<string, ModelScript> Snapshot() =>
        _entries.ToDictionary(pair => pair.Key, pair => pair.Value.Script, StringComparer.Ordinal);

    internal ScriptEntry? Find(string model) =>
        _entries.TryGetValue(model, out var entry) || _entries.TryGetValue(AnyModel, out entry) ? entry : null;
}
