using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Protocols.Anthropic;

/// <summary>Anthropic's error body: <c>{"type":"error","error":{"type","message"}}</c>.</summary>
internal static class AnthropicErrorWriter
{
    public static void Write(IBufferWriter<byte> output, string type, string message)
    {
        using var writer = new Utf8JsonWriter(output, SseFrameWriter.JsonOptions);
        WriteBody(writer, type, message);
    }

    /// <summary>The 400 for a body the readers refused.</summary>
    public static void Write(IBufferWriter<byte> output, ClientRequestException exception) =>
        Write(output, "invalid_request_error", exception.Message);

    public static void WriteBody(Utf8JsonWriter writer, string type, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "error"u8);
        writer.WriteStartObject("error"u8);
        writer.WriteString("type"u8, type);
        writer.WriteString("message"u8, message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
