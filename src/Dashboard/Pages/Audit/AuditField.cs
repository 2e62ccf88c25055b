using System.Text.Json;

namespace Platform.Dashboard.Pages.Audit;

/// <summary>
/// One field of an audited row, before and after, as text. <see cref="Changed"/> when the two
/// differ, including a field that appeared or went away (a create has no before, a delete no after).
/// </summary>
public sealed record AuditField(string Name, string? Before, string? After)
{
    public bool Changed => Before != After;

    /// <summary>
    /// The union of both sides' top-level fields, in the order the API wrote them (after's first).
    /// Nested values show as compact JSON: the audit views are flat records, and a list or object
    /// reads well enough on one line. Values are shown exactly as the API stored them, never more.
    /// </summary>
    public static IReadOnlyList<AuditField> Of(JsonElement? before, JsonElement? after)
    {
        var left = Fields(before);
        var right = Fields(after);
        var names = right.Keys.Concat(left.Keys).Distinct(StringComparer.Ordinal);
        return [.. names.Select(n => new AuditField(n, left.GetValueOrDefault(n), right.GetValueOrDefault(n)))];
    }

    /// <summary>What names the row in the list: its name or e-mail when the view has one.</summary>
    public static string? Label(JsonElement? before, JsonElement? after)
    {
        foreach (var side in new[] { after, before })
        {
            if (side is { ValueKind: JsonValueKind.Object } row)
            {
                foreach (var key in new[] { "name", "email", "slug", "label" })
                {
                    if (row.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString();
                    }
                }
            }
        }

        return null;
    }

    private static Dictionary<string, string> Fields(JsonElement? side)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (side is not { } element)
        {
            return fields;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            fields["value"] = Text(element);
            return fields;
        }

        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = Text(property.Value);
        }

        return fields;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
