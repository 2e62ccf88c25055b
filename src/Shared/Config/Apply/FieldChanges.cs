namespace Platform.Shared.Config;

/// <summary>
/// Compares a stored field with the file and assigns only when they differ, so an unchanged file
/// leaves every row untouched; records "field old -> new" for the change line.
/// </summary>
internal sealed class FieldChanges
{
    private const int ShownTextLength = 40;
    private readonly List<string> _items = [];

    public bool Any => _items.Count > 0;

    public void Set<T>(string field, T current, T desired, Action<T> assign, Func<T, string>? show = null)
    {
        if (EqualityComparer<T>.Default.Equals(current, desired))
        {
            return;
        }

        _items.Add($"{field} {Show(current, show)} -> {Show(desired, show)}");
        assign(desired);
    }

    public void SetList<T>(string field, IReadOnlyList<T> current, IReadOnlyList<T> desired, Action<List<T>> assign)
    {
        if (current.SequenceEqual(desired))
        {
            return;
        }

        _items.Add($"{field} {ShowList(current)} -> {ShowList(desired)}");
        assign([.. desired]);
    }

    public void Note(string text) => _items.Add(text);

    public override string ToString() => string.Join(", ", _items);

    public static string ShowList<T>(IEnumerable<T> values) => $"[{string.Join(", ", values.Select(v => Show(v, null)))}]";

    private static string Show<T>(T value, Func<T, string>? show) => value switch
    {
        null => "(none)",
        _ when show is not null => show(value),
        string text => text.Length > ShownTextLength ? $"\"{text[..ShownTextLength]}...\"" : text,
        decimal number => ConfigFormat.Decimal(number),
        double number => ConfigFormat.Double(number),
        bool flag => ConfigFormat.Bool(flag),
        DateTime time => ConfigFormat.Timestamp(time),
        _ => value.ToString() ?? "",
    };
}
