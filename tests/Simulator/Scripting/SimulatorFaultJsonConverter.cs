using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Simulator.Scripting;

/// <summary>Reads and writes faults by wire name (<c>"429"</c>, <c>"stream-break"</c>), as the control API speaks them.</summary>
internal sealed class SimulatorFaultJsonConverter : JsonConverter<SimulatorFault>
{
    public override SimulatorFault Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.GetInt32().ToString(CultureInfo.InvariantCulture),
            _ => throw new JsonException("'fault' must be a string."),
        };
        return SimulatorFaults.TryParse(text, out var fault)
            ? fault
            : throw new JsonException($"Unknown fault '{text}'. Known: {string.Join(", ", SimulatorFaults.Names)}.");
    }

    public override void Write(Utf8JsonWriter writer, SimulatorFault value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWireName());
}
