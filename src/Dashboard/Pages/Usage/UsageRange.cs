namespace Platform.Dashboard.Pages.Usage;

/// <summary>The time ranges the usage list offers, newest calls always included.</summary>
public sealed record UsageRange(string Key, string Label, TimeSpan? Span)
{
    public static readonly IReadOnlyList<UsageRange> All =
    [
        new("1h", "Last hour", TimeSpan.FromHours(1)),
        new("24h", "Last 24 hours", TimeSpan.FromHours(24)),
        new("7d", "Last 7 days", TimeSpan.FromDays(7)),
        new("30d", "Last 30 days", TimeSpan.FromDays(30)),
        new("all", "All time", null),
    ];

    public static UsageRange Default => All[1];

    public static UsageRange Of(string? key) => All.FirstOrDefault(r => r.Key == key) ?? Default;

    public DateTime? From(DateTime now) => Span is { } span ? now - span : null;
}
