using System.Text;
using System.Text.Json;
using Platform.Simulator.Chat;

namespace Platform.Simulator.OpenAi;

internal static class OpenAiRequestParser
{
    public static ChatRequest Parse(JsonElement root)
    {
        JsonRead.EnsureObject(root, "The request body");
        var request = new ChatRequest
        {
            Model = JsonRead.RequiredString(root, "model"),
            Stream = JsonRead.OptionalBool(root, "stream"),
        };

        foreach (var message in JsonRead.RequiredArray(root, "messages").EnumerateArray())
        {
            JsonRead.EnsureObject(message, "Each message");
            var role = JsonRead.RequiredString(message, "role");
            var text = message.TryGetProperty("content", out var content) ? ReadContent(content) : "";
            var toolCalls = JsonRead.OptionalArray(message, "tool_calls");
            request.AddPromptChars(JsonRead.RawLength(toolCalls));
            var turn = role switch
            {
                "user" => LastTurn.UserText,
                "tool" or "function" => LastTurn.ToolResult,
                _ => LastTurn.Other,
            };
            request.AddMessage(text.Length, turn, text);
        }

        var streamOptions = JsonRead.OptionalObject(root, "stream_options");
        request.IncludeUsage = streamOptions.ValueKind == JsonValueKind.Object && JsonRead.OptionalBool(streamOptions, "include_usage");
        request.MaxTokens = JsonRead.OptionalPositiveInt(root, "max_completion_tokens") ?? JsonRead.OptionalPositiveInt(root, "max_tokens");
        ReadTools(root, request);
        ReadResponseFormat(root, request);
        return request;
    }

    private static string ReadContent(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString()!;
            case JsonValueKind.Null:
                return "";
            case JsonValueKind.Array:
                var builder = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    JsonRead.EnsureObject(part, "Each content part");
                    if (JsonRead.OptionalString(part, "text") is { } text)
                    {
                        builder.Append(text);
                    }
                }

                return builder.ToString();
            default:
                throw new RequestParseException("'content' must be a string, an array of parts or null.");
        }
    }

    private static void ReadTools(JsonElement root, ChatRequest request)
    {
        var tools = JsonRead.OptionalArray(root, "tools");
        if (tools.ValueKind == JsonValueKind.Array)
        {
            request.ToolChars = JsonRead.RawLength(tools);
            foreach (var tool in tools.EnumerateArray())
            {
                JsonRead.EnsureObject(tool, "Each tool");
                var function = JsonRead.OptionalObject(tool, "function");
                if (function.ValueKind != JsonValueKind.Object)
                {
                    throw new RequestParseException("Each tool needs a 'function' object.");
                }

                request.AddTool(new ToolDefinition(JsonRead.RequiredString(function, "name"), JsonRead.OptionalObject(function, "parameters")));
            }
        }

        if (!root.TryGetProperty("tool_choice", out var choice) || choice.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (choice.ValueKind == JsonValueKind.String)
        {
            request.ToolMode = choice.GetString() switch
            {
                "none" => ToolMode.None,
                "required" => ToolMode.Required,
                "auto" => ToolMode.Auto,
                var other => throw new RequestParseException($"Unknown tool_choice '{other}'."),
            };
            return;
        }

        JsonRead.EnsureObject(choice, "'tool_choice'");
        var forced = JsonRead.OptionalObject(choice, "function");
        request.ToolMode = ToolMode.Forced;
        request.ForcedTool = forced.ValueKind == JsonValueKind.Object ? JsonRead.RequiredString(forced, "name") : null;
    }

    private static void ReadResponseFormat(JsonElement root, ChatRequest request)
    {
        var format = JsonRead.OptionalObject(root, "response_format");
        if (format.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (JsonRead.OptionalString(format, "type"))
        {
            case "json_object":
                request.JsonMode = JsonMode.AnyObject;
                break;
            case "json_schema":
                var schema = JsonRead.OptionalObject(format, "json_schema");
                request.JsonSchema = schema.ValueKind == JsonValueKind.Object ? JsonRead.OptionalObject(schema, "schema") : default;
                request.JsonMode = request.JsonSchema.ValueKind == JsonValueKind.Object ? JsonMode.Schema : JsonMode.AnyObject;
                break;
            case "text" or null:
                break;
            case var other:
                throw new RequestParseException($"Unknown response_format type '{other}'.");
        }
    }
}
