using System.Text.Json;
using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Protocols.Anthropic;

/// <summary>Pieces of the Anthropic wire format shared by the complete and the streamed writers.</summary>
internal static class AnthropicWire
{
    /// <summary>Content filtering is <c>refusal</c>; our model has no stop-sequence reason, so <c>stop_sequence</c> is never written.</summary>
    public static string StopReason(FinishReason reason) => reason switch
    {
        FinishReason.Length => "max_tokens",
        FinishReason.ToolCalls => "tool_use",
        FinishReason.ContentFilter => "refusal",
        _ => "end_turn",
    };

    /// <summary>
    /// Anthropic counts cache reads apart from <c>input_tokens</c>; our <see cref="Usage.InputTokens"/> includes
    /// them (OpenAI's convention), so they are subtracted here.
    /// </summary>
    public static void WriteUsage(Utf8JsonWriter writer, Chat.Usage usage)
    {
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("input_tokens"u8, Math.Max(0, usage.InputTokens - usage.CachedInputTokens));
        writer.WriteNumber("cache_creation_input_tokens"u8, 0);
        writer.WriteNumber("cache_read_input_tokens"u8, usage.CachedInputTokens);
        writer.WriteNumber("output_tokens"u8, usage.OutputTokens);
        writer.WriteEndObject();
    }
}
