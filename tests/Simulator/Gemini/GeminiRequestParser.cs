using System.Text;
using System.Text.Json;
using Platform.Simulator.Chat;

namespace Platform.Simulator.Gemini;

internal static class GeminiRequestParser
{
    public static ChatRequest Parse(JsonElement root, ChatRoute route)
    {
        JsonRead.EnsureObject(root, "The request body");
        var request = new ChatRequest
        {
            Model = route.Model ?? throw new RequestParseException("The URL names no model."),
            Stream = route.Stream,
            JsonArrayStream = route.Stream && !route.Sse,
        };

        var system = JsonRead.OptionalObject(root, "systemInstruction");
        if (system.ValueKind == JsonValueKind.Object)
        {
            var text = ReadParts(system, request, out _);
            request.AddMessage(text.Length, LastTurn.Other, text);
        }

        foreach (var content in JsonRead.RequiredArray(root, "contents").EnumerateArray())
        {
            JsonRead.EnsureObject(content, "Each content");
            var role = JsonRead.OptionalString(content, "role") ?? "user";
            var text = ReadParts(content, request, out var functionResponse);
            var turn = functionResponse ? LastTurn.ToolResult : role == "user" ? LastTurn.UserText : LastTurn.Other;
            request.AddMessage(text.Length, turn, text);
        }

        var config = JsonRead.OptionalObject(root, "generationConfig");
        if (config.ValueKind == JsonValueKind.Object)
        {
            request.MaxTokens = JsonRead.OptionalPositiveInt(config, "maxOutputTokens");
            if (JsonRead.OptionalString(config, "responseMimeType") == "application/json")
            {
                var schema = JsonRead.OptionalObject(config, "responseSchema");
                if (schema.ValueKind != JsonValueKind.Object)
                {
                    schema = JsonRead.OptionalObject(config, "responseJsonSchema");
                }

                request.JsonSchema = schema;
                request.JsonMode = schema.ValueKind == JsonValueKind.Object ? JsonMode.Schema : JsonMode.AnyObject;
            }
        }

        ReadTools(root, request);
        return request;
    }

    private static string ReadParts(JsonElement content, ChatRequest request, out bool functionResponse)
    {
        functionResponse = false;
        var parts = JsonRead.OptionalArray(content, "parts");
        if (parts.ValueKind != JsonValueKind.Array)
        {
            throw new RequestParseException("Each content needs a 'parts' array.");
        }

        var builder = new StringBuilder();
        foreach (var part in parts.EnumerateArray())
        {
            JsonRead.EnsureObject(part, "Each part");
            if (JsonRead.OptionalString(part, "text") is { } text)
            {
                builder.Append(text);
            }

            var response = JsonRead.OptionalObject(part, "functionResponse");
            if (response.ValueKind == JsonValueKind.Object)
            {
                functionResponse = true;
                builder.Append(response.TryGetProperty("response", out var result) ? result.GetRawText() : "");
            }

            request.AddPromptChars(JsonRead.RawLength(JsonRead.OptionalObject(part, "functionCall")));
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
                var declarations = JsonRead.OptionalArray(tool, "functionDeclarations");
                if (declarations.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var declaration in declarations.EnumerateArray())
                {
                    JsonRead.EnsureObject(declaration, "Each function declaration");
                    var parameters = JsonRead.OptionalObject(declaration, "parameters");
                    if (parameters.ValueKind != JsonValueKind.Object)
                    {
                        parameters = JsonRead.OptionalObject(declaration, "parametersJsonSchema");
                    }

                    request.AddTool(new ToolDefinition(JsonRead.RequiredString(declaration, "name"), parameters));
                }
            }
        }

        var toolConfig = JsonRead.OptionalObject(root, "toolConfig");
        var calling = toolConfig.ValueKind == JsonValueKind.Object ? JsonRead.OptionalObject(toolConfig, "functionCallingConfig") : default;
        if (calling.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var allowed = JsonRead.OptionalArray(calling, "allowedFunctionNames");
        request.ToolMode = JsonRead.OptionalString(calling, "mode") switch
        {
            "NONE" => ToolMode.None,
            "ANY" when allowed.ValueKind == JsonValueKind.Array && allowed.GetArrayLength() > 0 => ToolMode.Forced,
            "ANY" or "VALIDATED" => ToolMode.Required,
            "AUTO" or "MODE_UNSPECIFIED" or null => ToolMode.Auto,
            var other => throw new RequestParseException($"Unknown functionCallingConfig.mode '{other}'."),
        };
        if (request.ToolMode == ToolMode.Forced)
        {
            request.ForcedTool = allowed[0].GetString();
        }
    }
}
