using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>OpenAI <c>tools</c> (function tools only) and <c>tool_choice</c>.</summary>
internal static class OpenAiToolReader
{
    public static List<ToolDefinition> ReadTools(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
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
        ToolDefinition? tool = null;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (JsonFields.String(ref reader, "type") != "function")
                {
                    throw new ClientRequestException("only function tools are supported.", "type", ClientErrorCodes.Unsupported);
                }
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                try
                {
                    tool = ReadFunction(ref reader, body);
                }
                catch (ClientRequestException exception)
                {
                    throw exception.Within("function");
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return tool ?? throw ClientRequestException.Missing("function");
    }

    private static ToolDefinition ReadFunction(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        JsonFields.Value(ref reader);
        JsonFields.StartObject(ref reader, null);
        string? name = null, description = null, parameters = null;
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
            else if (reader.ValueTextEquals("parameters"u8))
            {
                parameters = JsonFields.RawObject(ref reader, body, "parameters");
            }
            else
            {
                reader.Skip();
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            throw ClientRequestException.Missing("name");
        }

        return new ToolDefinition(name, description, parameters ?? ToolSchemas.EmptyObject);
    }

    public static ToolChoice? ReadToolChoice(ref Utf8JsonReader reader)
    {
        JsonFields.Value(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString() switch
                {
                    "auto" => new ToolChoice(ToolChoiceMode.Auto),
                    "none" => new ToolChoice(ToolChoiceMode.None),
                    "required" => new ToolChoice(ToolChoiceMode.Required),
                    _ => throw new ClientRequestException("expected 'auto', 'none', 'required' or a function object.", "tool_choice"),
                };
            case JsonTokenType.StartObject:
                string? name = null;
                while (JsonFields.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("function"u8))
                    {
                        JsonFields.Value(ref reader);
                        JsonFields.StartObject(ref reader, "tool_choice.function");
                        while (JsonFields.NextProperty(ref reader))
                        {
                            if (reader.ValueTextEquals("name"u8))
                            {
                                name = JsonFields.String(ref reader, "tool_choice.function.name");
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }
                    }
                    else if (reader.ValueTextEquals("type"u8))
                    {
                        if (JsonFields.String(ref reader, "tool_choice.type") != "function")
                        {
                            throw new ClientRequestException("only {\"type\":\"function\"} is supported.", "tool_choice.type", ClientErrorCodes.Unsupported);
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return string.IsNullOrEmpty(name)
                    ? throw ClientRequestException.Missing("tool_choice.function.name")
                    : new ToolChoice(ToolChoiceMode.Function, name);
            default:
                throw ClientRequestException.WrongType("tool_choice", "a string or an object");
        }
    }
}
