using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Shared.Config;

/// <summary>
/// How a string is written so that the parser reads back exactly the same string: plain when that
/// is unambiguous, a literal block for multi-line text, double-quoted otherwise. <c>${</c> is
/// escaped as <c>$${</c> so an exported value is never expanded on the way back in.
/// </summary>
internal static partial class YamlScalars
{
    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./@+\-: ]*$")]
    private static partial Regex PlainSafe();

    private static readonly string[] Reserved = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"];

    public static string Escape(string text) => text.Replace("${", "$${", StringComparison.Ordinal);

    /// <summary>The text on one line: plain or double-quoted.</summary>
    public static string Inline(YScalar scalar)
    {
        if (scalar.Verbatim)
        {
            return scalar.Text;
        }

        var text = Escape(scalar.Text);
        return IsPlain(text) ? text : Quote(text);
    }

    /// <summary>The lines of a literal block (<c>|</c> or <c>|-</c>), or null when the text is better quoted.</summary>
    public static (string Header, string[] Lines)? Literal(YScalar scalar)
    {
        var text = Escape(scalar.Text);
        if (scalar.Verbatim || !text.Contains('\n', StringComparison.Ordinal) || text[0] is ' ' or '\n' || text.EndsWith("\n\n", StringComparison.Ordinal))
        {
            return null;
        }

        var keep = text.EndsWith('\n');
        var lines = (keep ? text[..^1] : text).Split('\n');
        if (lines.Any(l => l.EndsWith(' ') || l.Any(NeedsEscape)))
        {
            return null;
        }

        return (keep ? "|" : "|-", lines);
    }

    private static bool IsPlain(string text) =>
        text.Length > 0
        && PlainSafe().IsMatch(text)
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !text.EndsWith(' ')
        && !Reserved.Contains(text.ToLowerInvariant())
        && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        && !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        && !text.StartsWith("0o", StringComparison.OrdinalIgnoreCase);

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF';

    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
