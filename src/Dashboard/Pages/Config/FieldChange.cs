namespace Platform.Dashboard.Pages.Config;

/// <summary>One field of an update line: <c>maxRetries 1 -> 2</c>; a note of another shape keeps its text in <see cref="Field"/>.</summary>
public sealed record FieldChange(string Field, string? From, string? To)
{
    /// <summary>Splits <c>a 1 -> 2, b [x, y] -> [y]</c> at the commas outside brackets and quotes.</summary>
    public static IEnumerable<FieldChange> ParseAll(string fields)
    {
        var (depth, quoted, start) = (0, false, 0);
        for (var i = 0; i < fields.Length; i++)
        {
            switch (fields[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    depth++;
                    break;
                case ']' when !quoted:
                    depth--;
                    break;
                case ',' when !quoted && depth == 0 && i + 1 < fields.Length && fields[i + 1] == ' ':
                    yield return Parse(fields[start..i]);
                    start = i + 2;
                    break;
            }
        }

        if (start < fields.Length)
        {
            yield return Parse(fields[start..]);
        }
    }

    private static FieldChange Parse(string item)
    {
        var space = item.IndexOf(' ', StringComparison.Ordinal);
        var arrow = item.IndexOf(" -> ", StringComparison.Ordinal);
        return space > 0 && arrow > space
            ? new FieldChange(item[..space], item[(space + 1)..arrow], item[(arrow + 4)..])
            : new FieldChange(item, null, null);
    }
}
