using System.Text.Json;
using Platform.Simulator.Chat;

namespace Platform.Simulator.Gemini;

/// <summary>One GenerateContentResponse: the whole reply, or one stream chunk (usage only on the final one).</summary>
internal static class GeminiResponseWriter
{
    public static void Write(Utf8JsonWriter writer, ChatRequest request, ChatReply reply, ReadOnlySpan<char> text, bool final)
    {
        writer.WriteStartObject();
        if (reply.Finish == FinishReason.ContentFilter)
        {
            // A blocked prompt: feedback and no candidates.
            writer.WriteStartObject("promptFeedback"u8);
            writer.WriteString("blockReason"u8, "SAFETY"u8);
            writer.WriteStartArray("safetyRatings"u8);
            writer.WriteStartObject();
            writer.WriteString("category"u8, "HARM_CATEGORY_DANGEROUS_CONTENT"u8);
            writer.WriteString("probability"u8, "HIGH"u8);
            writer.WriteBoolean("blocked"u8, true);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartArray("candidates"u8);
            writer.WriteStartObject();
            writer.WriteStartObject("content"u8);
            writer.WriteString("role"u8, "model"u8);
            writer.WriteStartArray("parts"u8);
            writer.WriteStartObject();
            if (reply.ToolCall is { } call)
            {
                writer.WriteStartObject("functionCall"u8);
                writer.WriteString("name"u8, call.Name);
                writer.WritePropertyName("args"u8);
                writer.WriteRawValue(call.Arguments, skipInputValidation: true);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteString("text"u8, text);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            if (final)
            {
                writer.WriteString("finishReason"u8, reply.Finish == FinishReason.Length ? "MAX_TOKENS"u8 : "STOP"u8);
            }

            writer.WriteNumber("index"u8, 0);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (final)
        {
            writer.WriteStartObject("usageMetadata"u8);
            writer.WriteNumber("promptTokenCount"u8, reply.PromptTokens);
            writer.WriteNumber("candidatesTokenCount"u8, reply.CompletionTokens);
            writer.WriteNumber("totalTokenCount"u8, reply.TotalTokens);
            writer.WriteNumber("cachedContentTokenCount"u8, reply.CachedTokens);
            writer.WriteEndObject();
        }

        writer.WriteString("modelVersion"u8, request.Model);
        writer.WriteString("responseId"u8, reply.Id);
        writer.WriteEndObject();
    }
}
