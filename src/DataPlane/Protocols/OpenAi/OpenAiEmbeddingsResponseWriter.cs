using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>
/// OpenAI's embeddings list. With <c>encoding_format=base64</c> each vector is the base64 of its little-endian
/// float32 values, which is what the OpenAI SDKs decode.
/// </summary>
internal static class OpenAiEmbeddingsResponseWriter
{
    public static void Write(IBufferWriter<byte> output, EmbeddingResponse response, bool base64)
    {
        using var writer = new Utf8JsonWriter(output, SseFrameWriter.JsonOptions);
        writer.WriteStartObject();
        writer.WriteString("object"u8, "list"u8);
        writer.WriteStartArray("data"u8);
        for (var index = 0; index < response.Vectors.Count; index++)
        {
            var vector = response.Vectors[index];
            writer.WriteStartObject();
            writer.WriteString("object"u8, "embedding"u8);
            writer.WriteNumber("index"u8, index);
            if (base64)
            {
                WriteBase64(writer, vector);
            }
            else
            {
                writer.WriteStartArray("embedding"u8);
                foreach (var value in vector)
                {
                    writer.WriteNumberValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("model"u8, response.Model);
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("prompt_tokens"u8, response.Usage.InputTokens);
        writer.WriteNumber("total_tokens"u8, response.Usage.TotalTokens);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteBase64(Utf8JsonWriter writer, float[] vector)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.WriteBase64String("embedding"u8, MemoryMarshal.AsBytes(vector.AsSpan()));
            return;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(vector.Length * sizeof(float));
        try
        {
            for (var index = 0; index < vector.Length; index++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(index * sizeof(float)), vector[index]);
            }

            writer.WriteBase64String("embedding"u8, bytes.AsSpan(0, vector.Length * sizeof(float)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
