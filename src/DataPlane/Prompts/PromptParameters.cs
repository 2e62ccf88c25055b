using System.Text.Json;

namespace Platform.DataPlane.Prompts;

/// <summary>A version's sampling defaults; each applies only when the caller did not set it.</summary>
internal readonly record struct PromptParameters(double? Temperature, double? TopP, int? MaxTokens)
{
    public static PromptParameters Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return default;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        var root = document.RootElement;
        return new PromptParameters(
            Number(root, "temperature"),
            Number(root, "top_p") ?? Number(root, "topP"),
            Number(root, "max_tokens") is { } max ? (int)max : Number(root, "maxTokens") is { } alt ? (int)alt : null);
    }

    private static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
