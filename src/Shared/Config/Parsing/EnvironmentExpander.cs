using System.Text;

namespace Platform.Shared.Config;

/// <summary>
/// <c>${VAR}</c> and <c>${VAR:-default}</c> (default when unset or empty), as in Docker Compose;
/// <c>$${</c> is a literal <c>${</c>.
/// </summary>
internal static class EnvironmentExpander
{
    public static string Expand(string value, Func<string, string?> environment, Action<string> error)
    {
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            if (string.CompareOrdinal(value, i, "$${", 0, 3) == 0)
            {
                result.Append("${");
                i += 3;
                continue;
            }

            if (string.CompareOrdinal(value, i, "${", 0, 2) != 0)
            {
                result.Append(value[i++]);
                continue;
            }

            var close = value.IndexOf('}', i + 2);
            if (close < 0)
            {
                error($"unclosed '${{' in '{value}'");
                return value;
            }

            result.Append(Resolve(value[(i + 2)..close], environment, error));
            i = close + 1;
        }

        return result.ToString();
    }

    private static string Resolve(string expression, Func<string, string?> environment, Action<string> error)
    {
        var separator = expression.IndexOf(":-", StringComparison.Ordinal);
        var name = separator < 0 ? expression : expression[..separator];
        if (!IsName(name))
        {
            error($"'${{{expression}}}' is not a valid variable reference; use ${{NAME}} or ${{NAME:-default}}");
            return "";
        }

        var value = environment(name);
        if (separator >= 0)
        {
            return string.IsNullOrEmpty(value) ? expression[(separator + 2)..] : value;
        }

        if (value is null)
        {
            error($"environment variable {name} is not set (give a default with ${{{name}:-default}})");
            return "";
        }

        return value;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
