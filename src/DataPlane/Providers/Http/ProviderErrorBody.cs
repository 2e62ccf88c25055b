using System.Text.Json;

namespace Platform.DataPlane.Providers.Http;

/// <summary>
/// The useful fields of an upstream error body, whichever provider wrote it: OpenAI
/// <c>{"error":{"message","type","code"}}</c>, Anthropic <c>{"type":"error","error":{"type","message"}}</c>,
/// Gemini <c>{"error":{"code","message","status"}}</c>. Unparseable bodies give empty fields.
/// </summary>
internal readonly record struct ProviderErrorBody(string? Message, string? Type, string? Code, string? Status)
{
    public static ProviderErrorBody Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        return ParseError(ref reader);
                    }

                    if (reader.TokenType == JsonTokenType.String)
                    {
                        return new ProviderErrorBody(reader.GetString(), null, null, null);
                    }
                }

                reader.Skip();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
        }

        return default;
    }

    /// <summary>Reads the <c>error</c> object the reader stands on (also used for in-band stream errors).</summary>
    public static ProviderErrorBody ParseError(ref Utf8JsonReader reader)
    {
        string? message = null, type = null, code = null, status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                message = ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                code = ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                status = ReadScalar(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new ProviderErrorBody(message, type, code, status);
    }

    private static string? ReadScalar(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            default:
                reader.Skip();
                return null;
        }
    }
}
