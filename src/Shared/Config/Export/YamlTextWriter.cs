using System.Text;

namespace Platform.Shared.Config;

/// <summary>
/// Lays out a <see cref="YNode"/> tree as block YAML, two spaces per level, with flow collections
/// for short lists and small mappings. Deterministic: the same tree always gives the same text.
/// </summary>
internal static class YamlTextWriter
{
    public static string Write(YMap root, IEnumerable<string> comments)
    {
        var text = new StringBuilder();
        foreach (var comment in comments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        WriteMap(text, root, 0);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, YMap map, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var (key, value) in map.Entries)
        {
            var prefix = $"{pad}{YamlScalars.Inline(new YScalar(key))}:";
            switch (value)
            {
                case YScalar scalar when YamlScalars.Literal(scalar) is { } literal:
                    WriteLiteral(text, prefix, literal, indent + 2);
                    break;
                case YMap { Flow: false, Entries.Count: > 0 } nested:
                    text.Append(prefix).Append('\n');
                    WriteMap(text, nested, indent + 2);
                    break;
                case YList { Flow: false, Items.Count: > 0 } list:
                    text.Append(prefix).Append('\n');
                    WriteList(text, list, indent + 2);
                    break;
                default:
                    text.Append(prefix).Append(' ').Append(Flow(value)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteList(StringBuilder text, YList list, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case YMap { Flow: false, Entries.Count: > 0 } map:
                    // The first key goes on the dash's line, the others under it.
                    var nested = new StringBuilder();
                    WriteMap(nested, map, indent + 2);
                    text.Append(pad).Append("- ").Append(nested.ToString(indent + 2, nested.Length - indent - 2));
                    break;
                case YScalar scalar when YamlScalars.Literal(scalar) is { } literal:
                    WriteLiteral(text, pad + "-", literal, indent + 2);
                    break;
                default:
                    text.Append(pad).Append("- ").Append(Flow(item)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteLiteral(StringBuilder text, string prefix, (string Header, string[] Lines) literal, int indent)
    {
        text.Append(prefix).Append(' ').Append(literal.Header).Append('\n');
        foreach (var line in literal.Lines)
        {
            text.Append(line.Length == 0 ? "" : new string(' ', indent) + line).Append('\n');
        }
    }

    private static string Flow(YNode node) => node switch
    {
        YScalar scalar => YamlScalars.Inline(scalar),
        YList list => $"[{string.Join(", ", list.Items.Select(Flow))}]",
        YMap { Entries.Count: 0 } => "{}",
        YMap map => $"{{ {string.Join(", ", map.Entries.Select(e => $"{YamlScalars.Inline(new YScalar(e.Key))}: {Flow(e.Value)}"))} }}",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
