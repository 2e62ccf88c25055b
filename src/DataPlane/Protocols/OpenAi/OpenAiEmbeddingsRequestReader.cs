using System.Text.Json;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>
/// Parses OpenAI <c>POST /v1/embeddings</c>. Pre-tokenized input (token arrays) is refused with a 400: the
/// tokens belong to one provider's tokenizer and cannot be routed to another.
/// </summary>
internal static class OpenAiEmbeddingsRequestReader
{
    private const int MaxInputs = 2048;

    public static EmbeddingRequest Read(ReadOnlySpan<byte> utf8Body) => JsonFields.Guard(utf8Body, ReadCore);

    private static EmbeddingRequest ReadCore(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, JsonFields.ReaderOptions);
        JsonFields.Value(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ClientRequestException("The request body must be a JSON object.", null, ClientErrorCodes.InvalidType);
        }

        string? model = null;
        List<string>? inputs = null;
        int? dimensions = null;
        var encoding = "float";
        Dictionary<string, string>? metadata = null;
        string? user = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("model"u8))
            {
                model = JsonFields.String(ref reader, "model");
            }
            else if (reader.ValueTextEquals("input"u8))
            {
                inputs = ReadInput(ref reader);
            }
            else if (reader.ValueTextEquals("dimensions"u8))
            {
                dimensions = JsonFields.PositiveInt(ref reader, "dimensions");
            }
            else if (reader.ValueTextEquals("encoding_format"u8))
            {
                encoding = JsonFields.NullableString(ref reader, "encoding_format") switch
                {
                    null or "float" => "float",
                    "base64" => "base64",
                    _ => throw new ClientRequestException("expected 'float' or 'base64'.", "encoding_format"),
                };
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                metadata = JsonFields.StringMap(ref reader, "metadata");
            }
            else if (reader.ValueTextEquals("user"u8))
            {
                user = JsonFields.NullableString(ref reader, "user");
            }
            else
            {
                reader.Skip();
            }
        }

        JsonFields.End(ref reader);
        if (string.IsNullOrEmpty(model))
        {
            throw model is null ? ClientRequestException.Missing("model") : new ClientRequestException("must not be empty.", "model");
        }

        if (inputs is null)
        {
            throw ClientRequestException.Missing("input");
        }

        if (user is not null)
        {
            metadata ??= new Dictionary<string, string>(StringComparer.Ordinal);
            metadata.TryAdd("customer", user);
        }

        var request = new EmbeddingRequest { Model = model, Inputs = inputs, Dimensions = dimensions, EncodingFormat = encoding };
        return metadata is null ? request : request with { Metadata = metadata };
    }

    private static List<string> ReadInput(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return [reader.GetString()!];
            case JsonTokenType.StartArray:
                var inputs = new List<string>();
                while (JsonFields.NextItem(ref reader))
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.String:
                            inputs.Add(reader.GetString()!);
                            break;
                        case JsonTokenType.Number or JsonTokenType.StartArray:
                            throw TokenArrays(inputs.Count);
                        default:
                            throw ClientRequestException.WrongType($"input[{inputs.Count}]", "a string");
                    }

                    if (inputs.Count > MaxInputs)
                    {
                        throw new ClientRequestException($"at most {MaxInputs} inputs are allowed.", "input");
                    }
                }

                return inputs.Count > 0 ? inputs : throw new ClientRequestException("must not be empty.", "input");
            default:
                throw ClientRequestException.WrongType("input", "a string or an array of strings");
        }
    }

    private static ClientRequestException TokenArrays(int index) => new(
        "token-array inputs are not supported (tokens are specific to one provider's tokenizer); send text.",
        $"input[{index}]",
        ClientErrorCodes.Unsupported);
}
