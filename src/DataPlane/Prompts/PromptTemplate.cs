using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Prompts;

/// <summary>
/// One prompt version parsed once (versions are immutable, so the parse is cached per version
/// object and dies with the snapshot that holds it): messages split into literal text and
/// <c>{{variable}}</c> slots, sampling defaults, response schema. Rendering substitutes into the
/// parsed text, never into the JSON, so a variable cannot break or inject template structure.
/// </summary>
internal sealed class PromptTemplate
{
    private static readonly ConditionalWeakTable<PromptVersionPolicy, PromptTemplate> Cache = [];

    private PromptTemplate(IReadOnlyList<TemplateMessage> messages, IReadOnlyList<string> variables, PromptParameters parameters)
    {
        Messages = messages;
        Variables = variables;
        Parameters = parameters;
    }

    public IReadOnlyList<TemplateMessage> Messages { get; }

    /// <summary>Every placeholder name the messages use, in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    public PromptParameters Parameters { get; }

    public static PromptTemplate For(PromptVersionPolicy version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Cache.GetValue(version, Parse);
    }

    private static PromptTemplate Parse(PromptVersionPolicy version)
    {
        var variables = new List<string>();
        var messages = new List<TemplateMessage>();
        using (var document = JsonDocument.Parse(version.MessagesJson))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"prompt version {version.Version}: messages must be a JSON array.");
            }

            foreach (var item in document.RootElement.EnumerateArray())
            {
                var role = RoleOf(item.TryGetProperty("role", out var r) ? r.GetString() : null);
                var content = item.TryGetProperty("content", out var c) ? TextOf(c) : "";
                messages.Add(new TemplateMessage(role, Segments(content, variables)));
            }
        }

        return new PromptTemplate(messages, variables, PromptParameters.Parse(version.ParametersJson));
    }

    private static ChatRole RoleOf(string? role) => role?.ToLowerInvariant() switch
    {
        "system" or "developer" => ChatRole.System,
        "assistant" => ChatRole.Assistant,
        _ => ChatRole.User,
    };

    /// <summary>A string, or the text parts of an OpenAI-style content array joined.</summary>
    private static string TextOf(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }

        return text.ToString();
    }

    /// <summary>Splits at <c>{{ name }}</c>; anything that is not a well-formed placeholder stays literal.</summary>
    private static TemplateSegment[] Segments(string content, List<string> variables)
    {
        var segments = new List<TemplateSegment>();
        var literalStart = 0;
        var at = 0;
        while ((at = content.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            var close = content.IndexOf("}}", at + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            var name = content.AsSpan(at + 2, close - at - 2).Trim();
            if (!IsName(name))
            {
                at += 2;
                continue;
            }

            if (at > literalStart)
            {
                segments.Add(new TemplateSegment(content[literalStart..at], IsVariable: false));
            }

            var variable = name.ToString();
            if (!variables.Contains(variable))
            {
                variables.Add(variable);
            }

            segments.Add(new TemplateSegment(variable, IsVariable: true));
            at = close + 2;
            literalStart = at;
        }

        if (literalStart < content.Length)
        {
            segments.Add(new TemplateSegment(content[literalStart..], IsVariable: false));
        }

        return [.. segments];
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var ch in name)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch is not '_' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }
}
