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
}
