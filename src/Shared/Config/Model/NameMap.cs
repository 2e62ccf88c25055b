namespace Platform.Shared.Config;

/// <summary>The camelCase words a config file uses for an enum, both ways.</summary>
public sealed class NameMap<T>(params (string Name, T Value)[] pairs)
    where T : struct, Enum
{
    public IReadOnlyList<string> Names { get; } = [.. pairs.Select(p => p.Name)];

    public bool TryParse(string name, out T value)
    {
        foreach (var (candidate, v) in pairs)
        {
            if (candidate == name)
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>For words a validator has already checked.</summary>
    public T Parse(string name) =>
        TryParse(name, out var value) ? value : throw new ArgumentOutOfRangeException(nameof(name), name, $"Not one of: {string.Join(", ", Names)}.");

    public string NameOf(T value)
    {
        foreach (var (name, v) in pairs)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "No config name for this value.");
    }
}
