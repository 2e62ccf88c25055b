using System.Text.Json;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Prompts;

/// <summary>
/// The new-version form's model. Parameters and schema are edited as JSON text; text that does not
/// parse is handed to the validator as a JSON string, so the shared rule ("must be a JSON object")
/// reports it at its field like any other mistake.
/// </summary>
public sealed class PromptVersionForm
{
    public static readonly IReadOnlyList<string> Fields = [nameof(Variables), nameof(Parameters), nameof(ResponseSchema)];

    public List<MessageForm> Messages { get; set; } = [new() { Role = "system" }, new() { Role = "user" }];

    /// <summary>Comma-separated; empty declares the variables the messages use.</summary>
    public string Variables { get; set; } = "";

    public string Parameters { get; set; } = "";

    public string ResponseSchema { get; set; } = "";

    /// <summary>A form that starts as a copy of <paramref name="version"/>: a change is usually an edit of the latest.</summary>
    public static PromptVersionForm From(PromptVersionView version) => new()
    {
        Messages = [.. version.Messages.EnumerateArray().Select(m => new MessageForm
        {
            Role = m.TryGetProperty("role", out var role) ? role.GetString() ?? "" : "",
            Content = m.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString()! : "",
            Name = m.TryGetProperty("name", out var name) ? name.GetString() : null,
        })],
        Variables = string.Join(", ", version.Variables),
        Parameters = version.Parameters is { } p ? PromptJson.Pretty(p.GetRawText()) : "",
        ResponseSchema = version.ResponseSchema is { } s ? PromptJson.Pretty(s.GetRawText()) : "",
    };

    public PromptVersionInput ToInput() => new()
    {
        Messages = [.. Messages.Select(m => new PromptMessageInput
        {
            Role = m.Role,
            Content = m.Content,
            Name = string.IsNullOrWhiteSpace(m.Name) ? null : m.Name.Trim(),
        })],
        Variables = string.IsNullOrWhiteSpace(Variables)
            ? null
            : Variables.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Parameters = Json(Parameters),
        ResponseSchema = Json(ResponseSchema),
    };

    private static JsonElement? Json(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }
}
