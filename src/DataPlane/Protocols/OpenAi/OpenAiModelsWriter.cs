using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary><c>GET /v1/models</c>: <c>{"object":"list","data":[{"id","object":"model","created","owned_by"}]}</c>.</summary>
internal static class OpenAiModelsWriter
{
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<ModelListEntry> models)
    {
        using var writer = new Utf8JsonWriter(output, SseFrameWriter.JsonOptions);
        writer.WriteStartObject();
        writer.WriteString("object"u8, "list"u8);
        writer.WriteStartArray("data"u8);
        for (var index = 0; index < models.Count; index++)
        {
            var model = models[index];
            writer.WriteStartObject();
            writer.WriteString("id"u8, model.Id);
            writer.WriteString("object"u8, "model"u8);
            writer.WriteNumber("created"u8, model.Created);
            writer.WriteString("owned_by"u8, model.OwnedBy);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
