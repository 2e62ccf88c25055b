using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.DataPlane.Providers.OpenAi;

/// <summary>
/// The upstream <c>chat/completions</c> body. The limit goes out as <c>max_tokens</c>, which every
/// OpenAI-compatible server understands (OpenAI's reasoning models want <c>max_completion_tokens</c> instead; a
/// known limitation). Streaming always asks for <c>include_usage</c>, so a streamed call is costed from real
/// counts. Caller metadata stays with us: it is not forwarded.
/// </summary>
internal static class OpenAiUpstreamRequestWriter
{
    public static void Write(IBufferWriter<byte> output, string model, ChatRequest request, bool stream)
    {
        var writer = JsonWriters.Rent(output);
        writer.WriteStartObject();
        writer.WriteString("model"u8, model);
        writer.WriteStartArray("messages"u8);
        foreach (var message in request.Messages)
        {
            WriteMessage(writer, message);
        }

        writer.WriteEndArray();
        if (request.Tools.Count > 0)
        {
            writer.WriteStartArray("tools"u8);
            foreach (var tool in request.Tools)
            {
                writer.WriteStartObject();
                writer.WriteString("type"u8, "function"u8);
                writer.WriteStartObject("function"u8);
                writer.WriteString("name"u8, tool.Name);
                if (tool.Description is not null)
                {
                    writer.WriteString("description"u8, tool.Description);
                }

                writer.WritePropertyName("parameters"u8);
                writer.WriteRawValue(tool.ParametersJson, skipInputValidation: true); // validated by the request reader
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteToolChoice(writer, request.ToolChoice);
        }

        WriteResponseFormat(writer, request.ResponseFormat);
        if (request.MaxTokens is { } maxTokens)
        {
            writer.WriteNumber("max_tokens"u8, maxTokens);
        }

        if (request.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature"u8, temperature);
        }

        if (request.TopP is { } topP)
        {
            writer.WriteNumber("top_p"u8, topP);
        }

        if (request.Stop.Count > 0)
        {
            writer.WriteStartArray("stop"u8);
            foreach (var stop in request.Stop)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }

        if (stream)
        {
            writer.WriteBoolean("stream"u8, true);
            writer.WriteStartObject("stream_options"u8);
            writer.WriteBoolean("include_usage"u8, true);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        JsonWriters.Return(writer);
    }

    private static void WriteMessage(Utf8JsonWriter writer, ChatMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("role"u8, message.Role switch
        {
            ChatRole.System => "system"u8,
            ChatRole.Assistant => "assistant"u8,
            ChatRole.Tool => "tool"u8,
            _ => "user"u8,
        });
        WriteContent(writer, message);
        if (message.Name is not null && message.Role != ChatRole.Tool)
        {
            writer.WriteString("name"u8, message.Name);
        }

        if (message.Role == ChatRole.Tool)
        {
            writer.WriteString("tool_call_id"u8, message.ToolCallId);
        }

        OpenAiWire.WriteToolCalls(writer, message.ToolCalls);

        writer.WriteEndObject();
    }

    /// <summary>Text-only content as a plain string (what every compatible server accepts); images as parts.</summary>
    private static void WriteContent(Utf8JsonWriter writer, ChatMessage message)
    {
        var parts = message.Content;
        var textOnly = true;
        for (var index = 0; index < parts.Count; index++)
        {
            textOnly &= parts[index].Kind == ContentPartKind.Text;
        }

        if (parts.Count == 0 && message.Role == ChatRole.Assistant && message.ToolCalls.Count > 0)
        {
            writer.WriteNull("content"u8);
        }
        else if (textOnly)
        {
            writer.WriteString("content"u8, message.Text);
        }
        else
        {
            writer.WriteStartArray("content"u8);
            foreach (var part in parts)
            {
                writer.WriteStartObject();
                if (part.Kind == ContentPartKind.Text)
                {
                    writer.WriteString("type"u8, "text"u8);
                    writer.WriteString("text"u8, part.Value);
                }
                else
                {
                    writer.WriteString("type"u8, "image_url"u8);
                    writer.WriteStartObject("image_url"u8);
                    writer.WriteString("url"u8, part.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteToolChoice(Utf8JsonWriter writer, ToolChoice? choice)
    {
        switch (choice?.Mode)
        {
            case null:
                return;
            case ToolChoiceMode.Function:
                writer.WriteStartObject("tool_choice"u8);
                writer.WriteString("type"u8, "function"u8);
                writer.WriteStartObject("function"u8);
                writer.WriteString("name"u8, choice.FunctionName);
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            default:
                writer.WriteString("tool_choice"u8, choice.Mode switch
                {
                    ToolChoiceMode.None => "none"u8,
                    ToolChoiceMode.Required => "required"u8,
                    _ => "auto"u8,
                });
                return;
        }
    }

    private static void WriteResponseFormat(Utf8JsonWriter writer, ResponseFormat? format)
    {
        if (format is null || format.Kind == ResponseFormatKind.Text)
        {
            return;
        }

        writer.WriteStartObject("response_format"u8);
        if (format.Kind == ResponseFormatKind.JsonSchema && format.SchemaJson is not null)
        {
            writer.WriteString("type"u8, "json_schema"u8);
            writer.WriteStartObject("json_schema"u8);
            writer.WriteString("name"u8, format.SchemaName ?? "response");
            writer.WritePropertyName("schema"u8);
            writer.WriteRawValue(format.SchemaJson);
            writer.WriteBoolean("strict"u8, format.Strict);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("type"u8, "json_object"u8);
        }

        writer.WriteEndObject();
    }
}
