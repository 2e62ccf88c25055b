namespace Platform.Shared.Management;

/// <summary>The overview's period: the last <c>24h</c>, <c>7d</c> or <c>30d</c>, in whole hours up to the current one.</summary>
public sealed record OverviewQuery(string Range = "24h")
{
    public static readonly IReadOnlyList<string> Ranges = ["24h", "7d", "30d"];
}

/// <summary>
/// The tenant at a glance over <see cref="From"/>–<see cref="To"/> (UTC, <c>to</c> exclusive).
/// Counts and money are exact (hour roll-ups plus the calls not rolled up yet); the latency
/// percentiles come from the newest <see cref="LatencySample"/> calls of the period only.
/// </summary>
public sealed record OverviewView(
    DateTime From,
    DateTime To,
    long Requests,
    long Errors,
    long Fallbacks,
    decimal CostUsd,
    int? P50LatencyMs,
    int? P95LatencyMs,
    int LatencySample,
    decimal SpendTodayUsd,
    IReadOnlyList<OverviewBucket> Buckets,
    IReadOnlyList<OverviewTop> TopFeatures,
    IReadOnlyList<OverviewTop> TopModels,
    IReadOnlyList<OverviewBudget> Budgets)
{
    /// <summary>The most calls the latency percentiles read: enough for a stable p95, bounded whatever the traffic.</summary>
    public const int LatencySampleCap = 5_000;
}

/// <summary>One point of the overview's chart: an hour (24 h range) or a day (7 d, 30 d).</summary>
public sealed record OverviewBucket(DateTime Start, long Requests, long Errors, long Fallbacks, decimal CostUsd);

/// <summary>A feature or model among the most expensive of the period; <see cref="Name"/> is "" for calls without one.</summary>
public sealed record OverviewTop(string Name, long Requests, decimal CostUsd);

/// <summary>A budget and what its current period has spent so far.</summary>
public sealed record OverviewBudget(string Name, string Scope, string Period, decimal LimitUsd, decimal SpentUsd);
