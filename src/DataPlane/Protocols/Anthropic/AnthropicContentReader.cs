using System.Text;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.Anthropic;

/// <summary>
/// Anthropic messages and content blocks. A user turn's <c>tool_result</c> blocks become one
/// <see cref="ChatRole.Tool"/> message each, ahead of the turn's other content (Anthropic requires the results
/// first anyway); an assistant turn's <c>tool_use</c> blocks become its <see cref="ChatMessage.ToolCalls"/>.
/// Thinking blocks are dropped; <c>is_error</c> of a tool result is not carried (the model has no field for it).
/// </summary>
internal static class AnthropicContentReader
{
    /// <summary><c>system</c>: a string or text blocks, joined with blank lines.</summary>
    public static string? ReadSystem(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.StartArray => ReadTextBlocks(ref reader, "system"),
            _ => throw ClientRequestException.WrongType("system", "a string or an array of text blocks"),
        };
    }

    public static void ReadMessage(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, List<ChatMessage> into)
    {
        JsonFields.StartObject(ref reader, null);
        string? role = null;
        var sawContent = false;
        var parts = new List<ContentPart>();
        List<ToolCall>? toolCalls = null;
        List<ChatMessage>? toolResults = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("role"u8))
            {
                role = JsonFields.String(ref reader, "role");
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                sawContent = true;
                JsonFields.Value(ref reader);
                if (reader.TokenType == JsonTokenType.String)
                {
                    parts.Add(ContentPart.FromText(reader.GetString()!));
                    continue;
                }

                JsonFields.StartArray(ref reader, "content");
                var index = 0;
                while (JsonFields.NextItem(ref reader))
                {
                    try
                    {
                        ReadBlock(ref reader, body, parts, ref toolCalls, ref toolResults);
                    }
                    catch (ClientRequestException exception)
                    {
                        throw exception.Within("content", index);
                    }

                    index++;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (!sawContent)
        {
            throw ClientRequestException.Missing("content");
        }

        switch (role)
        {
            case null:
                throw ClientRequestException.Missing("role");
            case "user":
                if (toolCalls is not null)
                {
                    throw new ClientRequestException("tool_use blocks belong in assistant messages.", "content");
                }

                if (toolResults is not null)
                {
                    into.AddRange(toolResults);
                }

                if (parts.Count > 0 || toolResults is null)
                {
                    into.Add(new ChatMessage { Role = ChatRole.User, Content = parts });
                }

                break;
            case "assistant":
                if (toolResults is not null)
                {
                    throw new ClientRequestException("tool_result blocks belong in user messages.", "content");
                }

                into.Add(new ChatMessage { Role = ChatRole.Assistant, Content = parts, ToolCalls = toolCalls ?? [] });
                break;
            default:
                throw new ClientRequestException($"unknown role '{role}'; expected user or assistant.", "role");
        }
    }

    private static void ReadBlock(
        ref Utf8JsonReader reader,
        ReadOnlySpan<byte> body,
        List<ContentPart> parts,
        ref List<ToolCall>? toolCalls,
        ref List<ChatMessage>? toolResults)
    {
        JsonFields.StartObject(ref reader, null);
        string? type = null, text = null, id = null, name = null, input = null, toolUseId = null, resultText = null;
        ContentPart? image = null;
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
            else if (reader.ValueTextEquals("source"u8))
            {
                image = ReadImageSource(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                id = JsonFields.String(ref reader, "id");
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = JsonFields.String(ref reader, "name");
            }
            else if (reader.ValueTextEquals("input"u8))
            {
                input = JsonFields.RawObject(ref reader, body, "input");
            }
            else if (reader.ValueTextEquals("tool_use_id"u8))
            {
                toolUseId = JsonFields.String(ref reader, "tool_use_id");
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                resultText = ReadResultContent(ref reader);
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
            case "text":
                parts.Add(ContentPart.FromText(text ?? throw ClientRequestException.Missing("text")));
                break;
            case "image":
                parts.Add(image ?? throw ClientRequestException.Missing("source"));
                break;
            case "tool_use":
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(name))
                {
                    throw ClientRequestException.Missing(string.IsNullOrEmpty(id) ? "id" : "name");
                }

                (toolCalls ??= []).Add(new ToolCall(id, name, input ?? "{}"));
                break;
            case "tool_result":
                if (string.IsNullOrEmpty(toolUseId))
                {
                    throw ClientRequestException.Missing("tool_use_id");
                }

                (toolResults ??= []).Add(new ChatMessage
                {
                    Role = ChatRole.Tool,
                    ToolCallId = toolUseId,
                    Content = string.IsNullOrEmpty(resultText) ? [] : [ContentPart.FromText(resultText)],
                });
                break;
            case "thinking" or "redacted_thinking":
                break;
            default:
                throw new ClientRequestException(
                    $"content block type '{type}' is not supported; use text, image, tool_use or tool_result.", "type", ClientErrorCodes.Unsupported);
        }
    }

    private static ContentPart ReadImageSource(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        JsonFields.StartObject(ref reader, "source");
        string? type = null, mediaType = null, data = null, url = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = JsonFields.String(ref reader, "source.type");
            }
            else if (reader.ValueTextEquals("media_type"u8))
            {
                mediaType = JsonFields.String(ref reader, "source.media_type");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                data = JsonFields.String(ref reader, "source.data");
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                url = JsonFields.String(ref reader, "source.url");
            }
            else
            {
                reader.Skip();
            }
        }

        return type switch
        {
            "base64" when string.IsNullOrEmpty(mediaType) => throw ClientRequestException.Missing("source.media_type"),
            "base64" when string.IsNullOrEmpty(data) => throw ClientRequestException.Missing("source.data"),
            "base64" => new ContentPart(ContentPartKind.ImageUrl, DataUrl.Create(mediaType!, data!), mediaType),
            "url" when string.IsNullOrEmpty(url) => throw ClientRequestException.Missing("source.url"),
            "url" => DataUrl.ToImagePart(url!),
            null => throw ClientRequestException.Missing("source.type"),
            _ => throw new ClientRequestException("expected 'base64' or 'url'.", "source.type", ClientErrorCodes.Unsupported),
        };
    }

    /// <summary>A tool result's content: a string or blocks, of which only the text is kept.</summary>
    private static string? ReadResultContent(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.StartArray => ReadTextBlocks(ref reader, "content"),
            _ => throw ClientRequestException.WrongType("content", "a string or an array of blocks"),
        };
    }

    /// <summary>The text of an array of blocks; non-text blocks (images in a tool result) are skipped.</summary>
    private static string ReadTextBlocks(ref Utf8JsonReader reader, string param)
    {
        string? single = null;
        StringBuilder? joined = null;
        var index = 0;
        while (JsonFields.NextItem(ref reader))
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw ClientRequestException.WrongType($"{param}[{index}]", "an object");
            }

            string? type = null, text = null;
            while (JsonFields.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    type = JsonFields.String(ref reader, $"{param}[{index}].type");
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    text = JsonFields.String(ref reader, $"{param}[{index}].text");
                }
                else
                {
                    reader.Skip();
                }
            }

            if (type is null)
            {
                throw ClientRequestException.Missing($"{param}[{index}].type");
            }

            if (type == "text" && text is not null)
            {
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    joined ??= new StringBuilder(single);
                    joined.Append("\n\n").Append(text);
                }
            }

            index++;
        }

        return joined?.ToString() ?? single ?? "";
    }
}
