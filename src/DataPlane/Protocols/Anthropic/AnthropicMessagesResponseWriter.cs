using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.Anthropic;

/// <summary>An Anthropic <c>message</c>: a text block (when there is text), then one tool_use block per call.</summary>
internal static class AnthropicMessagesResponseWriter
{
    public static void Write(IBufferWriter<byte> output, ChatResponse response)
    {
        var writer = JsonWriters.Rent(output);
        writer.WriteStartObject();
        writer.WriteString("id"u8, response.Id);
        writer.WriteString("type"u8, "message"u8);
        writer.WriteString("role"u8, "assistant"u8);
        writer.WriteString("model"u8, response.Model);
        writer.WriteStartArray("content"u8);
        if (response.Text.Length > 0)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "text"u8);
            writer.WriteString("text"u8, response.Text);
            writer.WriteEndObject();
        }

        foreach (var call in response.ToolCalls)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "tool_use"u8);
            writer.WriteString("id"u8, call.Id);
            writer.WriteString("name"u8, call.Name);
            JsonText.WriteObject(writer, "input"u8, call.ArgumentsJson);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("stop_reason"u8, AnthropicWire.StopReason(response.FinishReason));
        writer.WriteNull("stop_sequence"u8);
        AnthropicWire.WriteUsage(writer, response.Usage);
        writer.WriteEndObject();
        JsonWriters.Return(writer);
    }
}
