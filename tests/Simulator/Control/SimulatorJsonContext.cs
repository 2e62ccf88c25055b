using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Simulator.Control;

/// <summary>Source-generated JSON for the control API and script files; unknown properties are rejected to catch typos.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ModelScript))]
[JsonSerializable(typeof(Dictionary<string, ModelScript>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, ModelScript>))]
[JsonSerializable(typeof(StatsResponse))]
[JsonSerializable(typeof(ControlError))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
