using System.Text.Json;
using Platform.Simulator.Chat;

namespace Platform.Simulator.Anthropic;

internal static class AnthropicResponseWriter
{
    public static void Write(Utf8JsonWriter writer, ChatRequest request, ChatReply reply)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, reply.Id);
        writer.WriteString("type"u8, "message"u8);
        writer.WriteString("role"u8, "assistant"u8);
        writer.WriteString("model"u8, request.Model);
        writer.WriteStartArray("content"u8);
        if (reply.ToolCall is { } call)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "tool_use"u8);
            writer.WriteString("id"u8, call.Id);
            writer.WriteString("name"u8, call.Name);
            writer.WritePropertyName("input"u8);
            writer.WriteRawValue(call.Arguments, skipInputValidation: true);
            writer.WriteEndObject();
        }
        else if (reply.Finish != FinishReason.ContentFilter)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "text"u8);
            writer.WriteString("text"u8, reply.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("stop_reason"u8, StopReason(reply.Finish));
        writer.WriteNull("stop_sequence"u8);
        writer.WriteStartObject("usage"u8);
        WriteInputUsage(writer, reply);
        writer.WriteNumber("output_tokens"u8, reply.CompletionTokens);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Anthropic reports cache reads apart from <c>input_tokens</c> (the three add up to the prompt), unlike
    /// OpenAI and Gemini, whose cached counts are a subset of the prompt count.
    /// </summary>
    public static void WriteInputUsage(Utf8JsonWriter writer, ChatReply reply)
    {
        writer.WriteNumber("input_tokens"u8, reply.PromptTokens - reply.CachedTokens);
        writer.WriteNumber("cache_creation_input_tokens"u8, 0);
        writer.WriteNumber("cache_read_input_tokens"u8, reply.CachedTokens);
    }

    public static string StopReason(FinishReason finish) => finish switch
    {
        FinishReason.Length => "max_tokens",
        FinishReason.ToolCalls => "tool_use",
        FinishReason.ContentFilter => "refusal",
        _ => "end_turn",
    };
}
