using System.Text.Json;
using Platform.Simulator.Chat;

namespace Platform.Simulator.OpenAi;

internal static class OpenAiResponseWriter
{
    public static void Write(Utf8JsonWriter writer, ChatRequest request, ChatReply reply)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, reply.Id);
        writer.WriteString("object"u8, "chat.completion"u8);
        writer.WriteNumber("created"u8, reply.Created);
        writer.WriteString("model"u8, request.Model);
        writer.WriteStartArray("choices"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        writer.WriteStartObject("message"u8);
        writer.WriteString("role"u8, "assistant"u8);
        if (reply.ToolCall is { } call)
        {
            writer.WriteNull("content"u8);
            writer.WriteStartArray("tool_calls"u8);
            writer.WriteStartObject();
            writer.WriteString("id"u8, call.Id);
            writer.WriteString("type"u8, "function"u8);
            writer.WriteStartObject("function"u8);
            writer.WriteString("name"u8, call.Name);
            writer.WriteString("arguments"u8, call.Arguments);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("content"u8, reply.Text);
        }

        writer.WriteNull("refusal"u8);
        writer.WriteEndObject();
        writer.WriteNull("logprobs"u8);
        writer.WriteString("finish_reason"u8, FinishReasonName(reply.Finish));
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteUsage(writer, reply);
        writer.WriteString("system_fingerprint"u8, "fp_simulator"u8);
        writer.WriteEndObject();
    }

    public static void WriteUsage(Utf8JsonWriter writer, ChatReply reply)
    {
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("prompt_tokens"u8, reply.PromptTokens);
        writer.WriteNumber("completion_tokens"u8, reply.CompletionTokens);
        writer.WriteNumber("total_tokens"u8, reply.TotalTokens);
        writer.WriteStartObject("prompt_tokens_details"u8);
        writer.WriteNumber("cached_tokens"u8, reply.CachedTokens);
        writer.WriteNumber("audio_tokens"u8, 0);
        writer.WriteEndObject();
        writer.WriteStartObject("completion_tokens_details"u8);
        writer.WriteNumber("reasoning_tokens"u8, 0);
        writer.WriteNumber("audio_tokens"u8, 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static string FinishReasonName(FinishReason finish) => finish switch
    {
        FinishReason.Length => "length",
        FinishReason.ToolCalls => "tool_calls",
        FinishReason.ContentFilter => "content_filter",
        _ => "stop",
    };
}
