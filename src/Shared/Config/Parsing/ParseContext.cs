using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

/// <summary>The file being read: its name, the environment for <c>${VAR}</c>, and the errors so far.</summary>
internal sealed class ParseContext(string file, Func<string, string?> environment)
{
    public List<ConfigError> Errors { get; } = [];

    public ConfigLocation FileStart => new(file, 1, 1);

    public ConfigLocation At(YamlNode node) => At(node.Start);

    public ConfigLocation At(Mark mark) => new(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    public void Error(YamlNode node, string message) => Errors.Add(new ConfigError(At(node), message));

    public void Error(Mark mark, string message) => Errors.Add(new ConfigError(At(mark), message));

    public void Error(ConfigLocation location, string message) => Errors.Add(new ConfigError(location, message));

    /// <summary>
    /// A scalar's text with <c>${VAR}</c> expanded; null for a YAML null or an error (reported).
    /// </summary>
    public string? Text(YamlNode node, string key)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"'{key}' must be a single value, not a {Describe(node)}");
            return null;
        }

        if (IsNull(scalar))
        {
            return null;
        }

        return EnvironmentExpander.Expand(scalar.Value ?? "", environment, message => Error(node, message));
    }

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };
}
