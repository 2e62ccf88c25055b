using System.Text.Json;

namespace Platform.DataPlane.Providers.Http;

/// <summary>
/// Forward reads of upstream JSON. A wrong shape throws <see cref="JsonException"/>, which the adapters turn into
/// <see cref="Forwarding.ErrorClass.MalformedResponse"/>.
/// </summary>
internal static class UpstreamJson
{
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}.");
        }
    }

    public static void ExpectCurrent(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}, found {reader.TokenType}.");
        }
    }

    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    public static bool NextItem(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    public static string String(ref Utf8JsonReader reader) =>
        NullableString(ref reader) ?? throw new JsonException("Expected a string.");

    public static string? NullableString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
        };
    }

    public static int Int(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            JsonTokenType.Null => 0,
            _ => throw new JsonException("Expected an integer."),
        };
    }

    /// <summary>The next value as JSON text (tool arguments).</summary>
    public static string Raw(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return System.Text.Encoding.UTF8.GetString(body[start..(int)reader.BytesConsumed]);
    }
}
