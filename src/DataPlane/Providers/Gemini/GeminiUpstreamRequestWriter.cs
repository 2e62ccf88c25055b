using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Providers.Gemini;

/// <summary>
/// The upstream <c>generateContent</c> body. Roles are <c>user</c> and <c>model</c>; system messages become
/// <c>systemInstruction</c>; tool results become <c>functionResponse</c> parts (named after the call they answer,
/// found by id in the history; a non-object result is wrapped as <c>{"result": text}</c>); consecutive turns of
/// one role are merged. Schemas go out as <c>parametersJsonSchema</c> and <c>responseJsonSchema</c>, which take
/// standard JSON Schema; the older <c>parameters</c>/<c>responseSchema</c> reject keywords such as
/// <c>additionalProperties</c> that OpenAI callers send. JSON mode is <c>responseMimeType: application/json</c>.
/// </summary>
internal static class GeminiUpstreamRequestWriter
{
    public static void Write(IBufferWriter<byte> output, ChatRequest request)
    {
        var writer = JsonWriters.Rent(output);
        writer.WriteStartObject();
        WriteSystem(writer, request.Messages);
        writer.WriteStartArray("contents"u8);
        WriteContents(writer, request.Messages);
        writer.WriteEndArray();
        if (request.Tools.Count > 0)
        {
            writer.WriteStartArray("tools"u8);
            writer.WriteStartObject();
            writer.WriteStartArray("functionDeclarations"u8);
            foreach (var tool in request.Tools)
            {
                writer.WriteStartObject();
                writer.WriteString("name"u8, tool.Name);
                if (tool.Description is not null)
                {
                    writer.WriteString("description"u8, tool.Description);
                }

                writer.WritePropertyName("parametersJsonSchema"u8);
                writer.WriteRawValue(tool.ParametersJson, skipInputValidation: true); // validated by the request reader
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteToolConfig(writer, request.ToolChoice);
        }

        WriteGenerationConfig(writer, request);
        writer.WriteEndObject();
        JsonWriters.Return(writer);
    }

    private static void WriteSystem(Utf8JsonWriter writer, IReadOnlyList<ChatMessage> messages)
    {
        var any = false;
        foreach (var message in messages)
        {
            if (message.Role != ChatRole.System || message.Text.Length == 0)
            {
                continue;
            }

            if (!any)
            {
                any = true;
                writer.WriteStartObject("systemInstruction"u8);
                writer.WriteStartArray("parts"u8);
            }

            writer.WriteStartObject();
            writer.WriteString("text"u8, message.Text);
            writer.WriteEndObject();
        }

        if (any)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    private static void WriteContents(Utf8JsonWriter writer, IReadOnlyList<ChatMessage> messages)
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
                writer.WriteString("role"u8, role == ChatRole.Assistant ? "model"u8 : "user"u8);
                writer.WriteStartArray("parts"u8);
                open = role;
            }

            WriteParts(writer, message, messages);
        }

        if (open is not null)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    private static void WriteParts(Utf8JsonWriter writer, ChatMessage message, IReadOnlyList<ChatMessage> history)
    {
        if (message.Role == ChatRole.Tool)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("functionResponse"u8);
            writer.WriteString("name"u8, ToolNameOf(message.ToolCallId, history) ?? message.Name ?? "tool");
            writer.WritePropertyName("response"u8);
            var text = message.Text;
            if (JsonText.IsObject(text))
            {
                writer.WriteRawValue(text, skipInputValidation: true);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("result"u8, text);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            return;
        }

        foreach (var part in message.Content)
        {
            if (part.Kind == ContentPartKind.Text)
            {
                if (part.Value.Length == 0)
                {
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("text"u8, part.Value);
                writer.WriteEndObject();
            }
            else if (DataUrl.TrySplitBase64(part.Value, out var mediaType, out var data))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("inlineData"u8);
                writer.WriteString("mimeType"u8, mediaType);
                writer.WriteString("data"u8, data);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteStartObject("fileData"u8);
                writer.WriteString("mimeType"u8, part.MediaType ?? "image/jpeg");
                writer.WriteString("fileUri"u8, part.Value);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }

        foreach (var call in message.ToolCalls)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("functionCall"u8);
            writer.WriteString("name"u8, call.Name);
            JsonText.WriteObject(writer, "args"u8, call.ArgumentsJson);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    private static string? ToolNameOf(string? toolCallId, IReadOnlyList<ChatMessage> history)
    {
        if (toolCallId is null)
        {
            return null;
        }

        for (var index = history.Count - 1; index >= 0; index--)
        {
            foreach (var call in history[index].ToolCalls)
            {
                if (call.Id == toolCallId)
                {
                    return call.Name;
                }
            }
        }

        return null;
    }

    private static void WriteToolConfig(Utf8JsonWriter writer, ToolChoice? choice)
    {
        if (choice is null)
        {
            return;
        }

        writer.WriteStartObject("toolConfig"u8);
        writer.WriteStartObject("functionCallingConfig"u8);
        writer.WriteString("mode"u8, choice.Mode switch
        {
            ToolChoiceMode.None => "NONE"u8,
            ToolChoiceMode.Required or ToolChoiceMode.Function => "ANY"u8,
            _ => "AUTO"u8,
        });
        if (choice.Mode == ToolChoiceMode.Function && choice.FunctionName is not null)
        {
            writer.WriteStartArray("allowedFunctionNames"u8);
            writer.WriteStringValue(choice.FunctionName);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteGenerationConfig(Utf8JsonWriter writer, ChatRequest request)
    {
        var json = request.ResponseFormat is { Kind: not ResponseFormatKind.Text };
        if (request.MaxTokens is null && request.Temperature is null && request.TopP is null && request.Stop.Count == 0 && !json)
        {
            return;
        }

        writer.WriteStartObject("generationConfig"u8);
        if (request.MaxTokens is { } maxTokens)
        {
            writer.WriteNumber("maxOutputTokens"u8, maxTokens);
        }

        if (request.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature"u8, temperature);
        }

        if (request.TopP is { } topP)
        {
            writer.WriteNumber("topP"u8, topP);
        }

        if (request.Stop.Count > 0)
        {
            writer.WriteStartArray("stopSequences"u8);
            foreach (var stop in request.Stop)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }

        if (json)
        {
            writer.WriteString("responseMimeType"u8, "application/json"u8);
            if (request.ResponseFormat!.SchemaJson is { } schema)
            {
                writer.WritePropertyName("responseJsonSchema"u8);
                writer.WriteRawValue(schema);
            }
        }

        writer.WriteEndObject();
    }
}
