using Platform.Shared.Config;
using Platform.Shared.Domain;

namespace Platform.Shared.Management;

/// <summary>Concrete model names (<c>provider/model</c>) and capability words, as config files write them.</summary>
public static class ModelNames
{
    public static bool IsConcrete(string? name)
    {
        var slash = name?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return name is not null && slash > 0 && slash < name.Length - 1 && !name.Any(char.IsWhiteSpace);
    }

    /// <summary>The part before the first '/'.</summary>
    public static string ProviderOf(string name) => name[..name.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The part after the first '/'.</summary>
    public static string ModelOf(string name) => name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>In the config format's order.</summary>
    public static IReadOnlyList<string> CapabilityNames(ModelCapabilities capabilities) =>
        [.. ConfigVocabulary.Capabilities.Names.Where(n => ConfigVocabulary.Capabilities.TryParse(n, out var c) && capabilities.HasFlag(c))];

    /// <summary>Unknown words are left out; the validator reports them first.</summary>
    public static ModelCapabilities ParseCapabilities(IEnumerable<string> names)
    {
        var capabilities = ModelCapabilities.None;
        foreach (var name in names)
        {
            if (ConfigVocabulary.Capabilities.TryParse(name, out var capability))
            {
                capabilities |= capability;
            }
        }

        return capabilities;
    }
}
