using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

/// <summary>
/// The names one tenant declares, per kind, and the references between them: duplicates are
/// reported when declared, dangling references once the whole tenant has been read.
/// </summary>
internal sealed class TenantNames(ParseContext context)
{
    public const string Provider = "provider";
    public const string Model = "model";
    public const string Tier = "tier";
    public const string Policy = "fallback policy";
    public const string Route = "route";
    public const string Prompt = "prompt";

    private readonly Dictionary<string, Dictionary<string, ConfigLocation>> _declared = [];
    private readonly List<(string Kind, string Name, YamlNode Node, string Message)> _references = [];

    /// <summary>False (and an error) when the name is already taken in this kind.</summary>
    public bool Declare(string kind, string name, YamlNode node, StringComparer? comparer = null)
    {
        if (!_declared.TryGetValue(kind, out var names))
        {
            names = new Dictionary<string, ConfigLocation>(comparer ?? StringComparer.Ordinal);
            _declared[kind] = names;
        }

        if (names.TryGetValue(name, out var first))
        {
            context.Error(node, $"duplicate {kind} '{name}' (first defined at line {first.Line})");
            return false;
        }

        names[name] = context.At(node);
        return true;
    }

    public bool IsDeclared(string kind, string name) => _declared.TryGetValue(kind, out var names) && names.ContainsKey(name);

    /// <summary>A reference checked by <see cref="Check"/>; <paramref name="message"/> says what is missing.</summary>
    public void Refer(string kind, string name, YamlNode node, string message) => _references.Add((kind, name, node, message));

    public void Check()
    {
        foreach (var (kind, name, node, message) in _references)
        {
            if (!IsDeclared(kind, name))
            {
                var known = _declared.TryGetValue(kind, out var names) ? names.Keys : (IEnumerable<string>)[];
                context.Error(node, message + Suggestions.DidYouMean(name, known));
            }
        }
    }

    public static string LabelKind(string prompt) => $"label of prompt '{prompt}'";
}
