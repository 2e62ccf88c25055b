using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Protocols.Sse;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.OpenAi;

/// <summary>
/// Upstream <c>/v1/embeddings</c>: asks for floats (the format every compatible server speaks) and also reads
/// base64 vectors, for servers that send them regardless.
/// </summary>
internal static class OpenAiEmbeddingsCodec
{
    public static void WriteRequest(IBufferWriter<byte> output, string model, EmbeddingRequest request)
    {
        using var writer = new Utf8JsonWriter(output, SseFrameWriter.JsonOptions);
        writer.WriteStartObject();
        writer.WriteString("model"u8, model);
        writer.WriteStartArray("input"u8);
        foreach (var input in request.Inputs)
        {
            writer.WriteStringValue(input);
        }

        writer.WriteEndArray();
        if (request.Dimensions is { } dimensions)
        {
            writer.WriteNumber("dimensions"u8, dimensions);
        }

        writer.WriteString("encoding_format"u8, "float"u8);
        writer.WriteEndObject();
    }

    public static EmbeddingResponse ParseResponse(ReadOnlySpan<byte> body, string requestedModel, int inputs)
    {
        var reader = new Utf8JsonReader(body);
        UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
        var vectors = new float[inputs][];
        string? model = null;
        Chat.Usage usage = default;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("model"u8))
            {
                model = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartArray);
                var position = 0;
                while (UpstreamJson.NextItem(ref reader))
                {
                    ReadItem(ref reader, vectors, position++);
                }
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                usage = OpenAiUpstreamResponseParser.ReadUsage(ref reader) ?? default;
            }
            else
            {
                reader.Skip();
            }
        }

        foreach (var vector in vectors)
        {
            if (vector is null)
            {
                throw new JsonException("The response lacks a vector for an input.");
            }
        }

        return new EmbeddingResponse(model ?? requestedModel, vectors, usage);
    }

    private static void ReadItem(ref Utf8JsonReader reader, float[][] vectors, int position)
    {
        var index = position;
        float[]? vector = null;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                index = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("embedding"u8))
            {
                reader.Read();
                vector = reader.TokenType switch
                {
                    JsonTokenType.String => FromBase64(reader.GetBytesFromBase64()),
                    JsonTokenType.StartArray => ReadFloats(ref reader),
                    _ => throw new JsonException("embedding is neither an array nor base64."),
                };
            }
            else
            {
                reader.Skip();
            }
        }

        if ((uint)index >= (uint)vectors.Length)
        {
            throw new JsonException("An embedding index is out of range.");
        }

        vectors[index] = vector ?? throw new JsonException("An item has no embedding.");
    }

    /// <summary>Reads a float array the reader stands on (Gemini <c>values</c> too).</summary>
    public static float[] ReadFloats(ref Utf8JsonReader reader)
    {
        var values = new List<float>(256);
        while (UpstreamJson.NextItem(ref reader))
        {
            values.Add(reader.TokenType == JsonTokenType.Number ? reader.GetSingle() : throw new JsonException("Expected a number."));
        }

        return values.ToArray();
    }

    private static float[] FromBase64(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        for (var index = 0; index < vector.Length; index++)
        {
            vector[index] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(index * sizeof(float)));
        }

        return vector;
    }
}
