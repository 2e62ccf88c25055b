using System.Text.Json;
using Platform.Simulator.Control;

namespace Platform.Simulator.Scripting;

/// <summary>Builds the start-up registry from <see cref="SimulatorOptions"/>; a bad script file fails the start.</summary>
internal static class ScriptFileLoader
{
    public static ScriptRegistry CreateRegistry(SimulatorOptions options)
    {
        var registry = new ScriptRegistry();
        if (options.ScriptFile is { } path)
        {
            using var stream = File.OpenRead(path);
            var scripts = JsonSerializer.Deserialize(stream, SimulatorJsonContext.Default.DictionaryStringModelScript)
                ?? throw new InvalidDataException($"Script file '{path}' holds no scripts.");
            foreach (var (model, script) in scripts)
            {
                registry.Set(model, script);
            }
        }

        foreach (var (model, script) in options.Scripts ?? new Dictionary<string, ModelScript>())
        {
            registry.Set(model, script);
        }

        return registry;
    }
}
