using System.Text.Json;

namespace Platform.Shared.Management;

/// <summary>
/// A prompt version as plain lines, the text that version diffs compare: declared variables, each
/// message's role and content line by line, then parameters and response schema as indented JSON.
/// </summary>
public static class PromptVersionText
{
    public static IReadOnlyList<string> Lines(string messagesJson, IReadOnlyList<string> variables, string? parametersJson, string? responseSchemaJson)
    {
        var lines = new List<string> { "variables: " + (variables.Count == 0 ? "(none)" : string.Join(", ", variables)) };
        using (var messages = JsonDocument.Parse(messagesJson))
        {
            var index = 0;
            foreach (var message in messages.RootElement.EnumerateArray())
            {
                index++;
                var role = message.TryGetProperty("role", out var r) ? r.ToString() : "?";
                var name = message.TryGetProperty("name", out var n) ? $" name={n}" : "";
                lines.Add($"--- message {index}: {role}{name}");
                var content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : c.ToString();
                lines.AddRange(Split(content));
            }
        }

        Section(lines, "parameters", parametersJson);
        Section(lines, "responseSchema", responseSchemaJson);
        return lines;
    }

    private static void Section(List<string> lines, string title, string? json)
    {
        if (json is null)
        {
            lines.Add($"--- {title}: (none)");
            return;
        }

        lines.Add($"--- {title}");
        lines.AddRange(Split(PromptJson.Pretty(json)));
    }

    private static string[] Split(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
