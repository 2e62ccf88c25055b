using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Providers.Anthropic;

/// <summary>
/// The upstream Messages body. System messages move to top-level <c>system</c>; tool results become user
/// <c>tool_result</c> blocks; consecutive turns of the same Anthropic role are merged into one message (a user's
/// tool results and its next question must share a turn). <c>max_tokens</c> is required by Anthropic: the
/// caller's limit, else <see cref="DefaultMaxTokens"/>. Temperature is clamped to Anthropic's 0..1.
/// Anthropic has no JSON mode, so it is emulated by an instruction appended to <c>system</c>
/// (<see cref="JsonInstruction"/>, plus the schema when there is one); the answer is not validated.
/// </summary>
internal static class AnthropicUpstreamRequestWriter
{
    public const int DefaultMaxTokens = 4096;

    public const string JsonInstruction =
        "Respond with a single valid JSON object and nothing else: no prose, no Markdown code fences.";

    public static void Write(IBufferWriter<byte> output, string model, ChatRequest request, bool stream)
    {
        var writer = JsonWriters.Rent(output);
        writer.WriteStartObject();
        writer.WriteString("model"u8, model);
        writer.WriteNumber("max_tokens"u8, request.MaxTokens ?? DefaultMaxTokens);
        WriteSystem(writer, request);
        writer.WriteStartArray("messages"u8);
        WriteMessages(writer, request.Messages);
        writer.WriteEndArray();
        if (request.Tools.Count > 0)
        {
            writer.WriteStartArray("tools"u8);
            foreach (var tool in request.Tools)
            {
                writer.WriteStartObject();
                writer.WriteString("name"u8, tool.Name);
                if (tool.Description is not null)
                {
                    writer.WriteString("description"u8, tool.Description);
                }

                writer.WritePropertyName("input_schema"u8);
                writer.WriteRawValue(tool.ParametersJson, skipInputValidation: true); // validated by the request reader
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteToolChoice(writer, request.ToolChoice);
        }

        if (request.Stop.Count > 0)
        {
            writer.WriteStartArray("stop_sequences"u8);
            foreach (var stop in request.Stop)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }

        if (request.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature"u8, Math.Clamp(temperature, 0, 1));
        }

        if (request.TopP is { } topP)
        {
            writer.WriteNumber("top_p"u8, topP);
        }

        if (stream)
        {
            writer.WriteBoolean("stream"u8, true);
        }

        writer.WriteEndObject();
        JsonWriters.Return(writer);
    }

    private static void WriteSystem(Utf8JsonWriter writer, ChatRequest request)
    {
        string? system = null;
        foreach (var message in request.Messages)
        {
            if (message.Role == ChatRole.System && message.Text.Length > 0)
            {
                system = system is null ? message.Text : string.Concat(system, "\n\n", message.Text);
            }
        }

        if (request.ResponseFormat is { Kind: not ResponseFormatKind.Text } format)
        {
            var instruction = format.SchemaJson is null
                ? JsonInstruction
                : string.Concat(JsonInstruction, " It must conform to this JSON schema: ", format.SchemaJson);
            system = system is null ? instruction : string.Concat(system, "\n\n", instruction);
        }

        if (system is not null)
        {
            writer.WriteString("system"u8, system);
        }
    }

    private static void WriteMessages(Utf8JsonWriter writer, IReadOnlyList<ChatMessage> messages)
    {
        var open = (ChatRole?)null;
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                continue;
            }

            var role = message.Role == ChatRole.Assistant ? ChatRole.Assistant : ChatRole.User;
            if (open != role)
            {
                if (open is not null)
                {
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteStartObject();
                writer.WriteString("role"u8, role == ChatRole.Assistant ? "assistant"u8 : "user"u8);
                writer.WriteStartArray("content"u8);
                open = role;
            }

            WriteBlocks(writer, message);
        }

        if (open is not null)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    private static void WriteBlocks(Utf8JsonWriter writer, ChatMessage message)
    {
        if (message.Role == ChatRole.Tool)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "tool_result"u8);
            writer.WriteString("tool_use_id"u8, message.ToolCallId);
            writer.WriteString("content"u8, message.Text);
            writer.WriteEndObject();
            return;
        }

        foreach (var part in message.Content)
        {
            if (part.Kind == ContentPartKind.Text)
            {
                if (part.Value.Length == 0)
                {
                    continue; // Anthropic rejects empty text blocks.
                }

                writer.WriteStartObject();
                writer.WriteString("type"u8, "text"u8);
                writer.WriteString("text"u8, part.Value);
                writer.WriteEndObject();
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("type"u8, "image"u8);
            writer.WriteStartObject("source"u8);
            if (DataUrl.TrySplitBase64(part.Value, out var mediaType, out var data))
            {
                writer.WriteString("type"u8, "base64"u8);
                writer.WriteString("media_type"u8, mediaType);
                writer.WriteString("data"u8, data);
            }
            else
            {
                writer.WriteString("type"u8, "url"u8);
                writer.WriteString("url"u8, part.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        foreach (var call in message.ToolCalls)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "tool_use"u8);
            writer.WriteString("id"u8, call.Id);
            writer.WriteString("name"u8, call.Name);
            JsonText.WriteObject(writer, "input"u8, call.ArgumentsJson);
            writer.WriteEndObject();
        }
    }

    private static void WriteToolChoice(Utf8JsonWriter writer, ToolChoice? choice)
    {
        if (choice is null)
        {
            return;
        }

        writer.WriteStartObject("tool_choice"u8);
        switch (choice.Mode)
        {
            case ToolChoiceMode.None:
                writer.WriteString("type"u8, "none"u8);
                break;
            case ToolChoiceMode.Required:
                writer.WriteString("type"u8, "any"u8);
                break;
            case ToolChoiceMode.Function:
                writer.WriteString("type"u8, "tool"u8);
                writer.WriteString("name"u8, choice.FunctionName);
                break;
            default:
                writer.WriteString("type"u8, "auto"u8);
                break;
        }

        writer.WriteEndObject();
    }
}
