using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Simulator.Text;

/// <summary>
/// A deterministic sample value for a JSON schema: every required property filled by type (string "sample",
/// number 1, boolean true, one-item arrays). Type names are compared case-insensitively because Gemini
/// writes them in upper case.
/// </summary>
internal static class SchemaSampler
{
    private const int MaxDepth = 8;
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON object for tool arguments; <c>{}</c> when there is no object schema.</summary>
    public static string SampleObject(JsonElement schema) => Write(schema, forceObject: true);

    /// <summary>A JSON value for a response schema.</summary>
    public static string SampleValue(JsonElement schema) => Write(schema, forceObject: false);

    private static string Write(JsonElement schema, bool forceObject)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else if (forceObject)
            {
                WriteObject(writer, schema, 0);
            }
            else
            {
                WriteValue(writer, schema, 0);
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            writer.WriteStringValue("sample");
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            values[0].WriteTo(writer);
            return;
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            constant.WriteTo(writer);
            return;
        }

        foreach (var keyword in (ReadOnlySpan<string>)["anyOf", "oneOf", "allOf"])
        {
            if (schema.TryGetProperty(keyword, out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
            {
                WriteValue(writer, options[0], depth + 1);
                return;
            }
        }

        switch (TypeOf(schema))
        {
            case "object":
                WriteObject(writer, schema, depth);
                break;
            case "array":
                writer.WriteStartArray();
                WriteValue(writer, schema.TryGetProperty("items", out var items) ? items : default, depth + 1);
                writer.WriteEndArray();
                break;
            case "integer":
            case "number":
                writer.WriteNumberValue(1);
                break;
            case "boolean":
                writer.WriteBooleanValue(true);
                break;
            case "null":
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue("sample");
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement schema, int depth)
    {
        writer.WriteStartObject();
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
            foreach (var name in required.EnumerateArray())
            {
                if (name.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var propertyName = name.GetString()!;
                writer.WritePropertyName(propertyName);
                WriteValue(writer, hasProperties && properties.TryGetProperty(propertyName, out var property) ? property : default, depth + 1);
            }
        }

        writer.WriteEndObject();
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString()!.ToLowerInvariant();
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                foreach (var option in type.EnumerateArray())
                {
                    if (option.ValueKind == JsonValueKind.String && !option.ValueEquals("null"))
                    {
                        return option.GetString()!.ToLowerInvariant();
                    }
                }
            }
        }

        return schema.TryGetProperty("properties", out _) ? "object" : "string";
    }
}
