using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

/// <summary>
/// Turns a free-form YAML value (prompt messages, parameters, a JSON schema) into compact JSON.
/// Plain scalars follow the YAML 1.2 core schema (numbers, booleans, null); quoted ones are strings.
/// Numbers keep their text, so JSON to YAML to JSON is the identity and a stored version compares equal.
/// </summary>
internal static partial class YamlJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(ParseContext context, YamlNode node, string key)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(context, writer, node, key);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    public static partial Regex JsonNumber();

    public static bool IsBoolean(string text) => text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    private static void Write(ParseContext context, Utf8JsonWriter writer, YamlNode node, string key)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (name, value) in mapping.Children)
                {
                    writer.WritePropertyName(context.Text(name, key) ?? "");
                    Write(context, writer, value, key);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(context, writer, item, key);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(context, writer, scalar, key);
                break;
            default:
                context.Error(node, $"'{key}' holds a value that cannot be stored as JSON");
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(ParseContext context, Utf8JsonWriter writer, YamlScalarNode scalar, string key)
    {
        var text = context.Text(scalar, key);
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else if (scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(text);
        }
        else if (IsBoolean(text))
        {
            writer.WriteBooleanValue(text[0] is 't' or 'T');
        }
        else if (JsonNumber().IsMatch(text))
        {
            writer.WriteRawValue(text);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }
}
