using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>A <c>chat.completion</c> object; <c>content</c> is null when the answer is only tool calls.</summary>
internal static class OpenAiChatResponseWriter
{
    public static void Write(IBufferWriter<byte> output, ChatResponse response, long created)
    {
        var writer = JsonWriters.Rent(output);
        writer.WriteStartObject();
        writer.WriteString("id"u8, response.Id);
        writer.WriteString("object"u8, "chat.completion"u8);
        writer.WriteNumber("created"u8, created);
        writer.WriteString("model"u8, response.Model);
        writer.WriteStartArray("choices"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        writer.WriteStartObject("message"u8);
        writer.WriteString("role"u8, "assistant"u8);
        if (response.Text.Length == 0 && response.ToolCalls.Count > 0)
        {
            writer.WriteNull("content"u8);
        }
        else
        {
            writer.WriteString("content"u8, response.Text);
        }

        OpenAiWire.WriteToolCalls(writer, response.ToolCalls);

        writer.WriteEndObject();
        writer.WriteString("finish_reason"u8, OpenAiWire.FinishReason(response.FinishReason));
        writer.WriteEndObject();
        writer.WriteEndArray();
        OpenAiWire.WriteUsage(writer, response.Usage);
        writer.WriteEndObject();
        JsonWriters.Return(writer);
    }
}
