using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>One item of OpenAI <c>messages</c>; the reader stands on its start token.</summary>
internal static class OpenAiMessageReader
{
    public static ChatMessage Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.StartObject(ref reader, null);
        string? role = null, name = null, toolCallId = null;
        List<ContentPart>? content = null;
        List<ToolCall> toolCalls = [];
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("role"u8))
            {
                role = JsonFields.String(ref reader, "role");
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                content = ReadContent(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = JsonFields.NullableString(ref reader, "name");
            }
            else if (reader.ValueTextEquals("tool_call_id"u8))
            {
                toolCallId = JsonFields.NullableString(ref reader, "tool_call_id");
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                toolCalls = ReadToolCalls(ref reader, body);
            }
            else
            {
                reader.Skip();
            }
        }

        var chatRole = role switch
        {
            null => throw ClientRequestException.Missing("role"),
            "system" or "developer" => ChatRole.System,
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            "tool" => ChatRole.Tool,
            _ => throw new ClientRequestException(
                $"unknown role '{role}'; expected system, developer, user, assistant or tool.", "role"),
        };

        if (toolCalls.Count > 0 && chatRole != ChatRole.Assistant)
        {
            throw new ClientRequestException("only assistant messages may carry tool_calls.", "tool_calls");
        }

        if (chatRole == ChatRole.Tool && string.IsNullOrEmpty(toolCallId))
        {
            throw ClientRequestException.Missing("tool_call_id");
        }

        if (content is null && chatRole != ChatRole.Assistant)
        {
            throw ClientRequestException.Missing("content");
        }

        if (content is null && toolCalls.Count == 0)
        {
            throw new ClientRequestException("an assistant message needs content or tool_calls.", "content", ClientErrorCodes.MissingParameter);
        }

        return new ChatMessage
        {
            Role = chatRole,
            Content = content ?? [],
            ToolCalls = toolCalls,
            ToolCallId = chatRole == ChatRole.Tool ? toolCallId : null,
            Name = name,
        };
    }

    /// <summary>Null when the field was JSON null (allowed for assistant messages with tool calls).</summary>
    private static List<ContentPart>? ReadContent(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return text.Length == 0 ? [] : [ContentPart.FromText(text)];
            case JsonTokenType.StartArray:
                var parts = new List<ContentPart>();
                while (JsonFields.NextItem(ref reader))
                {
                    try
                    {
                        parts.Add(ReadPart(ref reader));
                    }
                    catch (ClientRequestException exception)
                    {
                        throw exception.Within("content", parts.Count);
                    }
                }

                return parts;
            default:
                throw ClientRequestException.WrongType("content", "a string, an array of content parts or null");
        }
    }

    private static ContentPart ReadPart(ref Utf8JsonReader reader)
    {
        JsonFields.StartObject(ref reader, null);
        string? type = null, text = null, url = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = JsonFields.String(ref reader, "type");
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                text = JsonFields.String(ref reader, "text");
            }
            else if (reader.ValueTextEquals("refusal"u8))
            {
                text = JsonFields.String(ref reader, "refusal");
            }
            else if (reader.ValueTextEquals("image_url"u8))
            {
                url = ReadImageUrl(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        switch (type)
        {
            case null:
                throw ClientRequestException.Missing("type");
            case "text" or "refusal":
                return text is null ? throw ClientRequestException.Missing(type) : ContentPart.FromText(text);
            case "image_url":
                return string.IsNullOrEmpty(url) ? throw ClientRequestException.Missing("image_url.url") : DataUrl.ToImagePart(url);
            default:
                throw new ClientRequestException($"content part type '{type}' is not supported; use text or image_url.", "type", ClientErrorCodes.Unsupported);
        }
    }

    private static string? ReadImageUrl(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        JsonFields.StartObject(ref reader, "image_url");
        string? url = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("url"u8))
            {
                url = JsonFields.String(ref reader, "image_url.url");
            }
            else
            {
                reader.Skip();
            }
        }

        return url;
    }

    private static List<ToolCall> ReadToolCalls(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.Value(ref reader);
        var calls = new List<ToolCall>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return calls;
        }

        JsonFields.StartArray(ref reader, "tool_calls");
        while (JsonFields.NextItem(ref reader))
        {
            try
            {
                calls.Add(ReadToolCall(ref reader, body));
            }
            catch (ClientRequestException exception)
            {
                throw exception.Within("tool_calls", calls.Count);
            }
        }

        return calls;
    }

    private static ToolCall ReadToolCall(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.StartObject(ref reader, null);
        string? id = null, name = null, arguments = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = JsonFields.String(ref reader, "id");
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                JsonFields.Value(ref reader);
                JsonFields.StartObject(ref reader, "function");
                while (JsonFields.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("name"u8))
                    {
                        name = JsonFields.String(ref reader, "function.name");
                    }
                    else if (reader.ValueTextEquals("arguments"u8))
                    {
                        JsonFields.Value(ref reader);
                        arguments = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.StartObject => JsonFields.Raw(ref reader, body),
                            JsonTokenType.Null => null,
                            _ => throw ClientRequestException.WrongType("function.arguments", "a string"),
                        };
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (string.IsNullOrEmpty(id))
        {
            throw ClientRequestException.Missing("id");
        }

        return string.IsNullOrEmpty(name)
            ? throw ClientRequestException.Missing("function.name")
            : new ToolCall(id, name, string.IsNullOrEmpty(arguments) ? "{}" : arguments);
    }
}
