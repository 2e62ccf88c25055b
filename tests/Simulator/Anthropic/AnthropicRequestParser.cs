using System.Text;
using System.Text.Json;
using Platform.Simulator.Chat;

namespace Platform.Simulator.Anthropic;

internal static class AnthropicRequestParser
{
    public static ChatRequest Parse(JsonElement root)
    {
        JsonRead.EnsureObject(root, "The request body");
        var request = new ChatRequest
        {
            Model = JsonRead.RequiredString(root, "model"),
            Stream = JsonRead.OptionalBool(root, "stream"),
            MaxTokens = JsonRead.OptionalPositiveInt(root, "max_tokens")
                ?? throw new RequestParseException("max_tokens: Field required"),
        };

        if (root.TryGetProperty("system", out var system) && system.ValueKind != JsonValueKind.Null)
        {
            var text = ReadBlocks(system, request, out _);
            request.AddMessage(text.Length, LastTurn.Other, text);
        }

        foreach (var message in JsonRead.RequiredArray(root, "messages").EnumerateArray())
        {
            JsonRead.EnsureObject(message, "Each message");
            var role = JsonRead.RequiredString(message, "role");
            if (!message.TryGetProperty("content", out var content))
            {
                throw new RequestParseException("messages: each message needs 'content'.");
            }

            var text = ReadBlocks(content, request, out var toolResult);
            var turn = role switch
            {
                "user" when toolResult => LastTurn.ToolResult,
                "user" => LastTurn.UserText,
                "assistant" => LastTurn.Other,
                _ => throw new RequestParseException($"messages: unexpected role '{role}'."),
            };
            request.AddMessage(text.Length, turn, text);
        }

        ReadTools(root, request);
        return request;
    }

    /// <summary>Text of a string or of content blocks; tool_result blocks count as the text of their result.</summary>
    private static string ReadBlocks(JsonElement content, ChatRequest request, out bool toolResult)
    {
        toolResult = false;
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            throw new RequestParseException("content must be a string or an array of content blocks.");
        }

        var builder = new StringBuilder();
        foreach (var block in content.EnumerateArray())
        {
            JsonRead.EnsureObject(block, "Each content block");
            switch (JsonRead.RequiredString(block, "type"))
            {
                case "text":
                    builder.Append(JsonRead.OptionalString(block, "text"));
                    break;
                case "tool_result":
                    toolResult = true;
                    if (block.TryGetProperty("content", out var result) && result.ValueKind != JsonValueKind.Null)
                    {
                        builder.Append(ReadBlocks(result, request, out _));
                    }

                    break;
                case "tool_use":
                    var name = JsonRead.OptionalString(block, "name") ?? "";
                    request.AddPromptChars(name.Length + JsonRead.RawLength(JsonRead.OptionalObject(block, "input")));
                    break;
            }
        }

        return builder.ToString();
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
                request.AddTool(new ToolDefinition(JsonRead.RequiredString(tool, "name"), JsonRead.OptionalObject(tool, "input_schema")));
            }
        }

        var choice = JsonRead.OptionalObject(root, "tool_choice");
        if (choice.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        request.ToolMode = JsonRead.RequiredString(choice, "type") switch
        {
            "auto" => ToolMode.Auto,
            "any" => ToolMode.Required,
            "none" => ToolMode.None,
            "tool" => ToolMode.Forced,
            var other => throw new RequestParseException($"tool_choice: unknown type '{other}'."),
        };
        if (request.ToolMode == ToolMode.Forced)
        {
            request.ForcedTool = JsonRead.RequiredString(choice, "name");
        }
    }
}
