using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

/// <summary>
/// Reads one YAML mapping: rejects keys it does not know (with a "did you mean"), reports missing
/// required keys and values of the wrong type, each at its own line.
/// </summary>
internal sealed class YamlMap
{
    private readonly ParseContext _context;
    private readonly string _what;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    private YamlMap(ParseContext context, YamlMappingNode node, string what, IReadOnlyCollection<string> known)
    {
        _context = context;
        _what = what;
        Node = node;
        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null)
            {
                context.Error(key, $"keys of {what} must be plain names");
            }
            else if (!known.Contains(name))
            {
                context.Error(key, $"unknown key '{name}' in {what}{Suggestions.DidYouMean(name, known)}");
            }
            else
            {
                _values[name] = value;
            }
        }
    }

    public YamlMappingNode Node { get; }

    public ConfigLocation Location => _context.At(Node);

    /// <summary>The mapping, or null (and an error) when the node is something else.</summary>
    public static YamlMap? From(ParseContext context, YamlNode node, string what, params string[] known)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(context, mapping, what, known);
        }

        context.Error(node, $"{what} must be a mapping (key: value), not a {ParseContext.Describe(node)}");
        return null;
    }

    public YamlNode? this[string key] =>
        _values.TryGetValue(key, out var node) && !(node is YamlScalarNode scalar && ParseContext.IsNull(scalar)) ? node : null;

    public bool Has(string key) => this[key] is not null;

    public string? String(string key, bool required = false)
    {
        var node = Required(key, required);
        if (node is null)
        {
            return null;
        }

        var errors = _context.Errors.Count;
        var text = _context.Text(node, key);
        if (text is "" && required && _context.Errors.Count == errors)
        {
            _context.Error(node, $"'{key}' of {_what} must not be empty");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    public int? Int(string key, int min, bool required = false) =>
        Number(key, required, min, "a whole number", t => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null);

    public decimal? Decimal(string key, decimal min, bool required = false) =>
        Number(key, required, min, "a number", t => decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null);

    public double? Double(string key, double min, double max) =>
        Number(key, false, min, "a number", t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null, max);

    public bool? Bool(string key)
    {
        var text = String(key);
        return text switch
        {
            null => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => Fail<bool>(key, $"'{key}' must be true or false, not '{text}'"),
        };
    }

    public DateTime? Timestamp(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : Fail<DateTime>(key, $"'{key}' must be a date and time such as 2030-01-01T00:00:00Z, not '{text}'");
    }

    public T? Enum<T>(string key, NameMap<T> names, bool required = false)
        where T : struct, System.Enum
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        return names.TryParse(text, out var value)
            ? value
            : Fail<T>(key, $"'{text}' is not a valid {key}{Suggestions.DidYouMean(text, names.Names)} ({Suggestions.OneOf(names.Names)})");
    }

    /// <summary>The items of a list (empty when absent); a single value is an error.</summary>
    public IReadOnlyList<YamlNode> Items(string key, bool required = false)
    {
        var node = Required(key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                if (required && sequence.Children.Count == 0)
                {
                    _context.Error(node, $"'{key}' of {_what} must not be empty");
                }

                return [.. sequence.Children];
            default:
                _context.Error(node, $"'{key}' must be a list, not a {ParseContext.Describe(node)}");
                return [];
        }
    }

    /// <summary>A list of single values, each checked by <paramref name="check"/> (which reports its own errors).</summary>
    public IReadOnlyList<string> Strings(string key, Func<YamlNode, string, bool>? check = null)
    {
        var values = new List<string>();
        foreach (var item in Items(key))
        {
            var text = _context.Text(item, key);
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (check is null || check(item, text))
            {
                values.Add(text);
            }
        }

        return values;
    }

    public YamlMap? Map(string key, string what, params string[] known) =>
        this[key] is { } node ? From(_context, node, what, known) : null;

    public void Error(string key, string message) => _context.Error(this[key] ?? Node, message);

    private YamlNode? Required(string key, bool required)
    {
        var node = this[key];
        if (node is null && required)
        {
            _context.Error(Node, $"{_what} is missing required key '{key}'");
        }

        return node;
    }

    private T? Number<T>(string key, bool required, T min, string kind, Func<string, T?> parse, T? max = null)
        where T : struct, IComparable<T>
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (parse(text) is not { } value)
        {
            return Fail<T>(key, $"'{key}' must be {kind}, not '{text}'");
        }

        if (value.CompareTo(min) < 0 || (max is { } upper && value.CompareTo(upper) > 0))
        {
            var range = max is { } m ? $"between {min} and {m}" : $"at least {min}";
            return Fail<T>(key, $"'{key}' must be {range}, not {text}");
        }

        return value;
    }

    private T? Fail<T>(string key, string message)
        where T : struct
    {
        Error(key, message);
        return null;
    }
}
