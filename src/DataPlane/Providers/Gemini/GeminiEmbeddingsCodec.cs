using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Sse;
using Platform.DataPlane.Providers.Http;
using Platform.DataPlane.Providers.OpenAi;

namespace Platform.DataPlane.Providers.Gemini;

/// <summary>
/// <c>:batchEmbedContents</c>, one request per input. Gemini reports no token usage for embeddings, so the
/// usage is estimated (<see cref="Chat.Usage.Estimated"/>).
/// </summary>
internal static class GeminiEmbeddingsCodec
{
    public static void WriteRequest(IBufferWriter<byte> output, string model, EmbeddingRequest request)
    {
        using var writer = new Utf8JsonWriter(output, SseFrameWriter.JsonOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("requests"u8);
        foreach (var input in request.Inputs)
        {
            writer.WriteStartObject();
            writer.WriteString("model"u8, "models/" + model);
            writer.WriteStartObject("content"u8);
            writer.WriteStartArray("parts"u8);
            writer.WriteStartObject();
            writer.WriteString("text"u8, input);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            if (request.Dimensions is { } dimensions)
            {
                writer.WriteNumber("outputDimensionality"u8, dimensions);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static EmbeddingResponse ParseResponse(ReadOnlySpan<byte> body, string model, IReadOnlyList<string> inputs)
    {
        var reader = new Utf8JsonReader(body);
        UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
        var vectors = new List<float[]>(inputs.Count);
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (!reader.ValueTextEquals("embeddings"u8))
            {
                reader.Skip();
                continue;
            }

            UpstreamJson.Expect(ref reader, JsonTokenType.StartArray);
            while (UpstreamJson.NextItem(ref reader))
            {
                float[]? values = null;
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("values"u8))
                    {
                        UpstreamJson.Expect(ref reader, JsonTokenType.StartArray);
                        values = OpenAiEmbeddingsCodec.ReadFloats(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                vectors.Add(values ?? throw new JsonException("An embedding has no values."));
            }
        }

        if (vectors.Count != inputs.Count)
        {
            throw new JsonException($"Expected {inputs.Count} embeddings, got {vectors.Count}.");
        }

        var tokens = 0;
        foreach (var input in inputs)
        {
            tokens += TokenEstimator.Estimate(input);
        }

        return new EmbeddingResponse(model, vectors, new Chat.Usage(tokens, 0, 0, Estimated: true));
    }
}
