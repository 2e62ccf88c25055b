using System.Text.Json;
using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>Pieces of the OpenAI wire format shared by the complete and the streamed writers.</summary>
internal static class OpenAiWire
{
    public static string FinishReason(FinishReason reason) => reason switch
    {
        Chat.FinishReason.Length => "length",
        Chat.FinishReason.ToolCalls => "tool_calls",
        Chat.FinishReason.ContentFilter => "content_filter",
        _ => "stop",
    };

    public static void WriteUsage(Utf8JsonWriter writer, Chat.Usage usage)
    {
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("prompt_tokens"u8, usage.InputTokens);
        writer.WriteNumber("completion_tokens"u8, usage.OutputTokens);
        writer.WriteNumber("total_tokens"u8, usage.TotalTokens);
        writer.WriteStartObject("prompt_tokens_details"u8);
        writer.WriteNumber("cached_tokens"u8, usage.CachedInputTokens);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// An assistant message's <c>tool_calls</c> array, the same shape in answers to callers and in
    /// the history we send upstream; nothing when there are no calls.
    /// </summary>
    public static void WriteToolCalls(Utf8JsonWriter writer, IReadOnlyList<ToolCall> calls)
    {
        if (calls.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("tool_calls"u8);
        foreach (var call in calls)
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, call.Id);
            writer.WriteString("type"u8, "function"u8);
            writer.WriteStartObject("function"u8);
            writer.WriteString("name"u8, call.Name);
            writer.WriteString("arguments"u8, call.ArgumentsJson);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
