using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

/// <summary>Checks shared by the section readers.</summary>
internal static partial class Rules
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex Slug();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$")]
    private static partial Regex Email();

    /// <summary>The required <c>name</c> of an item: letters, digits, '.', '_' and '-'.</summary>
    public static string? Name(YamlMap map, string what, string key = "name")
    {
        var name = map.String(key, required: true);
        if (name is not null && !Identifier().IsMatch(name))
        {
            map.Error(key, $"{what} name '{name}' may use only letters, digits, '.', '_' and '-' (at most 100)");
            return null;
        }

        return name;
    }

    /// <summary>The rule of <see cref="Name"/>, for callers outside the parser (the management API's validators).</summary>
    public static bool IsName(string? text) => text is not null && Identifier().IsMatch(text);

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsEmail(string text) => Email().IsMatch(text);

    public static string? Url(YamlMap map, string key, bool required = false)
    {
        var url = map.String(key, required);
        if (url is not null && !IsHttpUrl(url))
        {
            map.Error(key, $"'{key}' must be an absolute http or https URL, not '{url}'");
            return null;
        }

        return url;
    }

    /// <summary>Checks a list item against a fixed vocabulary; reports the error itself.</summary>
    public static Func<YamlNode, string, bool> OneOf(ParseContext context, IReadOnlyList<string> allowed, string what) =>
        (node, value) =>
        {
            if (allowed.Contains(value))
            {
                return true;
            }

            context.Error(node, $"'{value}' is not a valid {what}{Suggestions.DidYouMean(value, allowed)} ({Suggestions.OneOf(allowed)})");
            return false;
        };
}
