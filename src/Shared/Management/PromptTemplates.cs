using System.Text.RegularExpressions;

namespace Platform.Shared.Management;

/// <summary>
/// The <c>{{variable}}</c> rule of prompt templates, one definition for the config parser, the
/// management API's validator and the dashboard's form.
/// </summary>
public static partial class PromptTemplates
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    public static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    public static partial Regex VariableName();

    /// <summary>The variables the texts use, in order of first use, each once.</summary>
    public static List<string> UsedVariables(IEnumerable<string?> texts)
    {
        var used = new List<string>();
        foreach (var text in texts)
        {
            foreach (Match match in Placeholder().Matches(text ?? ""))
            {
                var name = match.Groups[1].Value;
                if (!used.Contains(name))
                {
                    used.Add(name);
                }
            }
        }

        return used;
    }
}
