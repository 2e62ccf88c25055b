using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>
/// Parses an OpenAI <c>POST /v1/chat/completions</c> body into a <see cref="ChatRequest"/> in one forward pass.
/// Unknown fields are ignored; <c>user</c> becomes <c>Metadata["customer"]</c> unless metadata names one.
/// </summary>
internal static class OpenAiChatRequestReader
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
        List<ChatMessage>? messages = null;
        IReadOnlyList<ToolDefinition> tools = [];
        ToolChoice? toolChoice = null;
        ResponseFormat? responseFormat = null;
        int? maxTokens = null, maxCompletionTokens = null;
        double? temperature = null, topP = null;
        IReadOnlyList<string> stop = [];
        bool stream = false, includeUsage = false;
        Dictionary<string, string>? metadata = null;
        string? user = null;

        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("model"u8))
            {
                model = JsonFields.String(ref reader, "model");
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                messages = ReadMessages(ref reader, body);
            }
            else if (reader.ValueTextEquals("tools"u8))
            {
                tools = OpenAiToolReader.ReadTools(ref reader, body);
            }
            else if (reader.ValueTextEquals("tool_choice"u8))
            {
                toolChoice = OpenAiToolReader.ReadToolChoice(ref reader);
            }
            else if (reader.ValueTextEquals("response_format"u8))
            {
                responseFormat = ReadResponseFormat(ref reader, body);
            }
            else if (reader.ValueTextEquals("max_tokens"u8))
            {
                maxTokens = JsonFields.PositiveInt(ref reader, "max_tokens");
            }
            else if (reader.ValueTextEquals("max_completion_tokens"u8))
            {
                maxCompletionTokens = JsonFields.PositiveInt(ref reader, "max_completion_tokens");
            }
            else if (reader.ValueTextEquals("temperature"u8))
            {
                temperature = JsonFields.Number(ref reader, "temperature", 0, 2);
            }
            else if (reader.ValueTextEquals("top_p"u8))
            {
                topP = JsonFields.Number(ref reader, "top_p", 0, 1);
            }
            else if (reader.ValueTextEquals("stop"u8))
            {
                stop = ReadStop(ref reader);
            }
            else if (reader.ValueTextEquals("stream"u8))
            {
                stream = JsonFields.Bool(ref reader, "stream") ?? false;
            }
            else if (reader.ValueTextEquals("stream_options"u8))
            {
                includeUsage = ReadIncludeUsage(ref reader);
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                metadata = JsonFields.StringMap(ref reader, "metadata");
            }
            else if (reader.ValueTextEquals("user"u8))
            {
                user = JsonFields.NullableString(ref reader, "user");
            }
            else if (reader.ValueTextEquals("n"u8))
            {
                if (JsonFields.PositiveInt(ref reader, "n") > 1)
                {
                    throw new ClientRequestException("only n = 1 is supported.", "n", ClientErrorCodes.Unsupported);
                }
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

        if (messages is null)
        {
            throw ClientRequestException.Missing("messages");
        }

        if (messages.Count == 0)
        {
            throw new ClientRequestException("must contain at least one message.", "messages");
        }

        if (user is not null)
        {
            metadata ??= new Dictionary<string, string>(StringComparer.Ordinal);
            metadata.TryAdd("customer", user);
        }

        var request = new ChatRequest
        {
            Model = model,
            Messages = messages,
            Tools = tools,
            ToolChoice = toolChoice,
            ResponseFormat = responseFormat,
            MaxTokens = maxCompletionTokens ?? maxTokens,
            Temperature = temperature,
            TopP = topP,
            Stop = stop,
            Stream = stream,
            IncludeUsage = stream && includeUsage,
        };
        return metadata is null ? request : request with { Metadata = metadata };
    }

    private static List<ChatMessage> ReadMessages(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.Value(ref reader);
        JsonFields.StartArray(ref reader, "messages");
        var messages = new List<ChatMessage>();
        while (JsonFields.NextItem(ref reader))
        {
            try
            {
                messages.Add(OpenAiMessageReader.Read(ref reader, body));
            }
            catch (ClientRequestException exception)
            {
                throw exception.Within("messages", messages.Count);
            }
        }

        return messages;
    }

    private static ResponseFormat? ReadResponseFormat(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.Value(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        JsonFields.StartObject(ref reader, "response_format");
        string? type = null, name = null, schema = null;
        var strict = false;
        var hasSchemaObject = false;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = JsonFields.String(ref reader, "response_format.type");
            }
            else if (reader.ValueTextEquals("json_schema"u8))
            {
                hasSchemaObject = true;
                JsonFields.Value(ref reader);
                JsonFields.StartObject(ref reader, "response_format.json_schema");
                while (JsonFields.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("name"u8))
                    {
                        name = JsonFields.String(ref reader, "response_format.json_schema.name");
                    }
                    else if (reader.ValueTextEquals("schema"u8))
                    {
                        schema = JsonFields.RawObject(ref reader, body, "response_format.json_schema.schema");
                    }
                    else if (reader.ValueTextEquals("strict"u8))
                    {
                        strict = JsonFields.Bool(ref reader, "response_format.json_schema.strict") ?? false;
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

        return type switch
        {
            null => throw ClientRequestException.Missing("response_format.type"),
            "text" => new ResponseFormat(ResponseFormatKind.Text),
            "json_object" => new ResponseFormat(ResponseFormatKind.JsonObject),
            "json_schema" when !hasSchemaObject => throw ClientRequestException.Missing("response_format.json_schema"),
            "json_schema" => new ResponseFormat(ResponseFormatKind.JsonSchema, name ?? "response", schema, strict),
            _ => throw new ClientRequestException("expected 'text', 'json_object' or 'json_schema'.", "response_format.type"),
        };
    }

    private static List<string> ReadStop(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return [];
            case JsonTokenType.String:
                return [reader.GetString()!];
            case JsonTokenType.StartArray:
                var stop = new List<string>(4);
                while (JsonFields.NextItem(ref reader))
                {
                    stop.Add(reader.TokenType == JsonTokenType.String
                        ? reader.GetString()!
                        : throw ClientRequestException.WrongType($"stop[{stop.Count}]", "a string"));
                }

                return stop;
            default:
                throw ClientRequestException.WrongType("stop", "a string or an array of strings");
        }
    }

    private static bool ReadIncludeUsage(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        JsonFields.StartObject(ref reader, "stream_options");
        var includeUsage = false;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("include_usage"u8))
            {
                includeUsage = JsonFields.Bool(ref reader, "stream_options.include_usage") ?? false;
            }
            else
            {
                reader.Skip();
            }
        }

        return includeUsage;
    }
}
