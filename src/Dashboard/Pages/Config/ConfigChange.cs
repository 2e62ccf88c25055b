namespace Platform.Dashboard.Pages.Config;

/// <summary>
/// One change line of a config preview or apply, taken apart for the diff view:
/// <c>create route acme/chat</c>, <c>delete tier acme/cheap</c>, or
/// <c>update fallback policy acme/interactive: maxRetries 1 -> 2, retryOn [timeout] -> [timeout, connection]</c>.
/// Lines of another shape (a label move, a generated user) keep their text as <see cref="Text"/>.
/// </summary>
/// <param name="Action">create, update, delete, or the line's first word.</param>
/// <param name="Kind">What changes (route, tier, fallback policy, ...); empty when the line has another shape.</param>
/// <param name="Path">The object, <c>tenant/name</c>.</param>
public sealed record ConfigChange(string Action, string Kind, string Path, IReadOnlyList<FieldChange> Fields, string Text)
{
    private static readonly string[] Actions = ["create", "update", "delete"];

    public static ConfigChange Parse(string line)
    {
        var action = line.Split(' ', 2)[0];
        var (head, fields) = line.IndexOf(": ", StringComparison.Ordinal) is var colon and >= 0
            ? (line[..colon], line[(colon + 2)..])
            : (line, null);
        var words = head.Split(' ');
        if (!Actions.Contains(action) || words.Length < 3)
        {
            return new ConfigChange(action, "", "", [], line);
        }

        // The kind may be two words ("fallback policy", "api key"); the path is the first word naming
        // a tenant's object (tenant/name), else the last; words after it are a note ("(key generated, shown once)").
        var at = Array.FindIndex(words, 2, w => w.Contains('/', StringComparison.Ordinal)) is var found and >= 0 ? found : words.Length - 1;
        var kind = string.Join(' ', words[1..at]);
        List<FieldChange> changes = fields is null ? [] : [.. FieldChange.ParseAll(fields)];
        if (at < words.Length - 1)
        {
            changes.Insert(0, new FieldChange(string.Join(' ', words[(at + 1)..]), null, null));
        }

        return new ConfigChange(action, kind, words[at], changes, line);
    }
}
