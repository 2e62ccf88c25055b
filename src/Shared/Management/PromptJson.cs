using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Shared.Management;

/// <summary>
/// Prompt versions' stored JSON (messages, parameters, schema) in the config parser's canonical
/// form: compact, keys in the order given, numbers as written, non-ASCII text unescaped. A version
/// created through the API then exports and re-applies as the same text, so it compares equal.
/// </summary>
public static class PromptJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string Messages(IEnumerable<PromptMessageInput> messages) => Write(Compact, writer =>
    {
        writer.WriteStartArray();
        foreach (var message in messages)
        {
            writer.WriteStartObject();
            writer.WriteString("role", message.Role);
            writer.WriteString("content", message.Content);
            if (message.Name is not null)
            {
                writer.WriteString("name", message.Name);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static string? Canonical(JsonElement? value) =>
        value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } element ? Write(Compact, element.WriteTo) : null;

    /// <summary>Indented, for reading and diffing.</summary>
    public static string Pretty(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Write(Indented, document.RootElement.WriteTo);
    }

    public static JsonElement? Element(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
