using System.Text;
using System.Text.Json;

namespace Platform.DataPlane.Protocols.Json;

/// <summary>JSON held as text (tool arguments, tool results) and written where a wire format wants an object.</summary>
internal static class JsonText
{
    /// <summary>Writes <paramref name="json"/> as the object value of <paramref name="name"/>; anything that is not a JSON object becomes <c>{}</c>.</summary>
    public static void WriteObject(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string json)
    {
        writer.WritePropertyName(name);
        if (IsObject(json))
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }

    public static bool IsObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.AsSpan().TrimStart()[0] != '{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
