namespace Platform.Shared.Config;

/// <summary>A YAML value to write; the exporter builds these and <see cref="YamlTextWriter"/> lays them out.</summary>
internal abstract record YNode;

/// <summary><paramref name="Verbatim"/> text (a number, a boolean) is written as is; other text is quoted when YAML needs it.</summary>
internal sealed record YScalar(string Text, bool Verbatim = false) : YNode;

internal sealed record YList(IReadOnlyList<YNode> Items, bool Flow) : YNode;

/// <summary>An ordered mapping; null values are left out, so optional fields stay out of the file.</summary>
internal sealed record YMap(bool Flow = false) : YNode
{
    public List<KeyValuePair<string, YNode>> Entries { get; } = [];

    public YMap Add(string key, YNode? value)
    {
        if (value is not null)
        {
            Entries.Add(new(key, value));
        }

        return this;
    }

    public YMap Add(string key, string? text) => Add(key, text is null ? null : new YScalar(text));

    public YMap Int(string key, int? number) =>
        Add(key, number is { } n ? new YScalar(n.ToString(System.Globalization.CultureInfo.InvariantCulture), Verbatim: true) : null);

    public YMap Decimal(string key, decimal number) => Add(key, new YScalar(ConfigFormat.Decimal(number), Verbatim: true));

    public YMap Double(string key, double number) => Add(key, new YScalar(ConfigFormat.Double(number), Verbatim: true));

    /// <summary>Written only when it differs from the default the parser assumes.</summary>
    public YMap Flag(string key, bool value, bool whenOmitted = false) =>
        value == whenOmitted ? this : Add(key, new YScalar(ConfigFormat.Bool(value), Verbatim: true));

    public YMap Ints(string key, IReadOnlyList<int> items) =>
        items.Count == 0 ? this : Add(key, new YList([.. items.Select(i => (YNode)new YScalar(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Verbatim: true))], Flow: true));

    /// <summary>A short list on one line; left out when empty unless <paramref name="keepEmpty"/>.</summary>
    public YMap Add(string key, IEnumerable<string> items, bool keepEmpty = false)
    {
        var list = items.Select(i => (YNode)new YScalar(i)).ToList();
        return list.Count == 0 && !keepEmpty ? this : Add(key, new YList(list, Flow: true));
    }
}
