using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.Anthropic;

/// <summary>
/// Parses an Anthropic <c>POST /v1/messages</c> body into a <see cref="ChatRequest"/>. <c>system</c> becomes a
/// leading system message; <c>metadata.user_id</c> becomes <c>Metadata["customer"]</c> (Anthropic's one metadata
/// field is the end user, which is what our customer dimension is). Unknown fields are ignored.
/// </summary>
internal static class AnthropicMessagesRequestReader
{
    public static ChatRequest Read(ReadOnlySpan<byte> utf8Body) => JsonFields.Guard(utf8Body, ReadCore);

    private static ChatRequest ReadCore(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, JsonFields.ReaderOptions);
        JsonFields.Value(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ClientRequestException("The request body must be a JSON object.", null, ClientErrorCodes.InvalidType);
        }

        string? model = null;
        string? system = null;
        List<ChatMessage>? messages = null;
        IReadOnlyList<ToolDefinition> tools = [];
        ToolChoice? toolChoice = null;
        int? maxTokens = null;
        double? temperature = null, topP = null;
        IReadOnlyList<string> stop = [];
        var stream = false;
        Dictionary<string, string>? metadata = null;

        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("model"u8))
            {
                model = JsonFields.String(ref reader, "model");
            }
            else if (reader.ValueTextEquals("max_tokens"u8))
            {
                maxTokens = JsonFields.PositiveInt(ref reader, "max_tokens");
            }
            else if (reader.ValueTextEquals("system"u8))
            {
                system = AnthropicContentReader.ReadSystem(ref reader);
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                messages = ReadMessages(ref reader, body);
            }
            else if (reader.ValueTextEquals("tools"u8))
            {
                tools = ReadTools(ref reader, body);
            }
            else if (reader.ValueTextEquals("tool_choice"u8))
            {
                toolChoice = ReadToolChoice(ref reader);
            }
            else if (reader.ValueTextEquals("stop_sequences"u8))
            {
                stop = ReadStrings(ref reader, "stop_sequences");
            }
            else if (reader.ValueTextEquals("temperature"u8))
            {
                temperature = JsonFields.Number(ref reader, "temperature", 0, 1);
            }
            else if (reader.ValueTextEquals("top_p"u8))
            {
                topP = JsonFields.Number(ref reader, "top_p", 0, 1);
            }
            else if (reader.ValueTextEquals("stream"u8))
            {
                stream = JsonFields.Bool(ref reader, "stream") ?? false;
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                metadata = ReadMetadata(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        JsonFields.End(ref reader);
        if (string.IsNullOrEmpty(model))
        {
            throw model is null ? ClientRequestException.Missing("model") : new ClientRequestException("must not be empty.", "model");
        }

        if (maxTokens is null)
        {
            throw ClientRequestException.Missing("max_tokens");
        }

        if (messages is null)
        {
            throw ClientRequestException.Missing("messages");
        }

        if (messages.Count == 0)
        {
            throw new ClientRequestException("must contain at least one message.", "messages");
        }

        if (!string.IsNullOrEmpty(system))
        {
            messages.Insert(0, new ChatMessage { Role = ChatRole.System, Content = [ContentPart.FromText(system)] });
        }

        var request = new ChatRequest
        {
            Model = model,
            Messages = messages,
            Tools = tools,
            ToolChoice = toolChoice,
            MaxTokens = maxTokens,
            Temperature = temperature,
            TopP = topP,
            Stop = stop,
            Stream = stream,
        };
        return metadata is null ? request : request with { Metadata = metadata };
    }

    private static List<ChatMessage> ReadMessages(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.Value(ref reader);
        JsonFields.StartArray(ref reader, "messages");
        var messages = new List<ChatMessage>();
        var index = 0;
        while (JsonFields.NextItem(ref reader))
        {
            try
            {
                AnthropicContentReader.ReadMessage(ref reader, body, messages);
            }
            catch (ClientRequestException exception)
            {
                throw exception.Within("messages", index);
            }

            index++;
        }

        return messages;
    }

    private static List<ToolDefinition> ReadTools(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.Value(ref reader);
        var tools = new List<ToolDefinition>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return tools;
        }

        JsonFields.StartArray(ref reader, "tools");
        while (JsonFields.NextItem(ref reader))
        {
            try
            {
                tools.Add(ReadTool(ref reader, body));
            }
            catch (ClientRequestException exception)
            {
                throw exception.Within("tools", tools.Count);
            }
        }

        return tools;
    }

    private static ToolDefinition ReadTool(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.StartObject(ref reader, null);
        string? name = null, description = null, schema = null, type = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = JsonFields.String(ref reader, "name");
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                description = JsonFields.NullableString(ref reader, "description");
            }
            else if (reader.ValueTextEquals("input_schema"u8))
            {
                schema = JsonFields.RawObject(ref reader, body, "input_schema");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = JsonFields.NullableString(ref reader, "type");
            }
            else
            {
                reader.Skip();
            }
        }

        if (type is not null and not "custom")
        {
            throw new ClientRequestException($"server tool '{type}' is not supported; declare custom tools with input_schema.", "type", ClientErrorCodes.Unsupported);
        }

        if (string.IsNullOrEmpty(name))
        {
            throw ClientRequestException.Missing("name");
        }

        return schema is null ? throw ClientRequestException.Missing("input_schema") : new ToolDefinition(name, description, schema);
    }

    private static ToolChoice? ReadToolChoice(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        JsonFields.StartObject(ref reader, "tool_choice");
        string? type = null, name = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = JsonFields.String(ref reader, "tool_choice.type");
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = JsonFields.String(ref reader, "tool_choice.name");
            }
            else
            {
                reader.Skip();
            }
        }

        return type switch
        {
            null => throw ClientRequestException.Missing("tool_choice.type"),
            "auto" => new ToolChoice(ToolChoiceMode.Auto),
            "any" => new ToolChoice(ToolChoiceMode.Required),
            "none" => new ToolChoice(ToolChoiceMode.None),
            "tool" when string.IsNullOrEmpty(name) => throw ClientRequestException.Missing("tool_choice.name"),
            "tool" => new ToolChoice(ToolChoiceMode.Function, name),
            _ => throw new ClientRequestException("expected 'auto', 'any', 'tool' or 'none'.", "tool_choice.type"),
        };
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader, string param)
    {
        JsonFields.Value(ref reader);
        var values = new List<string>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return values;
        }

        JsonFields.StartArray(ref reader, param);
        while (JsonFields.NextItem(ref reader))
        {
            values.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw ClientRequestException.WrongType($"{param}[{values.Count}]", "a string"));
        }

        return values;
    }

    private static Dictionary<string, string>? ReadMetadata(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        JsonFields.StartObject(ref reader, "metadata");
        Dictionary<string, string>? metadata = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("user_id"u8))
            {
                if (JsonFields.NullableString(ref reader, "metadata.user_id") is { } user)
                {
                    metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["customer"] = user };
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return metadata;
    }
}
