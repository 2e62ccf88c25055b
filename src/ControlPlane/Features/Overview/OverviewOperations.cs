using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.ControlPlane.Spend;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Overview;

/// <summary>
/// The dashboard's home page. Counts and money come from <see cref="OverviewUsage"/> and
/// <see cref="SpendReader"/> (exact, whatever the traffic); latency percentiles from the newest
/// <see cref="OverviewView.LatencySampleCap"/> raw calls of the period, read newest first along the
/// (TenantId, StartedAt) index, because roll-ups keep only a latency sum.
/// </summary>
internal sealed class OverviewOperations(PlatformDbContext db, Caller caller, TimeProvider time) : IOverviewOperations
{
    private const int TopCount = 5;

    public async Task<Outcome<OverviewView>> GetAsync(OverviewQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        TimeSpan? span = query.Range switch
        {
            "24h" => TimeSpan.FromHours(24),
            "7d" => TimeSpan.FromDays(7),
            "30d" => TimeSpan.FromDays(30),
            _ => null,
        };
        if (span is not { } length)
        {
            return Failure.Invalid(nameof(OverviewQuery.Range), $"Unknown range '{query.Range}'; use {string.Join(", ", OverviewQuery.Ranges)}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var to = CeilingHour(now);
        var from = to - length;
        var usage = await OverviewUsage.ReadAsync(db, from, to, ct);
        var total = usage.Hours.Values.Aggregate(default(OverviewUsage.Counts), (sum, c) => sum + c);
        var latencies = await db.UsageEvents.AsNoTracking()
            .Where(e => e.StartedAt >= from && e.StartedAt < to)
            .OrderByDescending(e => e.StartedAt)
            .Take(OverviewView.LatencySampleCap)
            .Select(e => e.LatencyMs)
            .ToListAsync(ct);
        latencies.Sort();
        var today = DateTime.SpecifyKind(now.Date, DateTimeKind.Utc);
        var spentToday = (await SpendReader.TotalAsync(db, today, to, null, ct)).CostNanoUsd;

        return Outcome.Ok(new OverviewView(
            from, to, total.Requests, total.Errors, total.Fallbacks, UsageFilter.Usd(total.CostNanoUsd),
            Percentile(latencies, 50), Percentile(latencies, 95), latencies.Count, UsageFilter.Usd(spentToday),
            Buckets(usage, from, to, daily: length > TimeSpan.FromDays(1)),
            Top(usage.Features), Top(usage.Models),
            await BudgetsAsync(now, ct)));
    }

    private static IReadOnlyList<OverviewBucket> Buckets(OverviewUsage usage, DateTime from, DateTime to, bool daily)
    {
        DateTime BucketOf(DateTime hour) => daily ? DateTime.SpecifyKind(hour.Date, DateTimeKind.Utc) : hour;
        var buckets = new SortedDictionary<DateTime, OverviewUsage.Counts>();
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            buckets.TryAdd(BucketOf(hour), default);
        }

        foreach (var (hour, counts) in usage.Hours)
        {
            var bucket = BucketOf(hour);
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + counts;
        }

        return [.. buckets.Select(b => new OverviewBucket(b.Key, b.Value.Requests, b.Value.Errors, b.Value.Fallbacks, UsageFilter.Usd(b.Value.CostNanoUsd)))];
    }

    private static IReadOnlyList<OverviewTop> Top(IReadOnlyDictionary<string, OverviewUsage.Counts> groups) =>
        [.. groups.OrderByDescending(g => g.Value.CostNanoUsd).ThenByDescending(g => g.Value.Requests).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(g => new OverviewTop(g.Key, g.Value.Requests, UsageFilter.Usd(g.Value.CostNanoUsd)))];

    /// <summary>Each budget's current period, read as the budget alert job reads it, so both show the same spend.</summary>
    private async Task<IReadOnlyList<OverviewBudget>> BudgetsAsync(DateTime now, CancellationToken ct)
    {
        var budgets = await db.Budgets.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        var views = new List<OverviewBudget>(budgets.Count);
        foreach (var budget in budgets)
        {
            if (BudgetAlertPeriod.Current(budget, now) is not { } period)
            {
                continue;
            }

            var filter = budget.Scope switch
            {
                BudgetScope.Feature => new SpendFilter(Feature: budget.ScopeValue ?? ""),
                BudgetScope.ApiKey => new SpendFilter(ApiKeyIds: await db.ApiKeys.AsNoTracking()
                    .Where(k => k.Name == budget.ScopeValue).Select(k => k.Id).ToListAsync(ct)),
                _ => null,
            };
            var spent = (await SpendReader.TotalAsync(db, period.SpendFrom, period.SpendTo, filter, ct)).CostNanoUsd;
            var scope = budget.Scope switch
            {
                BudgetScope.Feature => $"feature:{budget.ScopeValue}",
                BudgetScope.ApiKey => $"key:{budget.ScopeValue}",
                _ => "tenant",
            };
            views.Add(new OverviewBudget(budget.Name, scope, budget.Period.ToString().ToLowerInvariant(), budget.LimitUsd, UsageFilter.Usd(spent)));
        }

        return views;
    }

    /// <summary>Nearest rank on the sorted sample; null when the period had no calls.</summary>
    private static int? Percentile(List<int> sorted, int percent) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static DateTime CeilingHour(DateTime at)
    {
        var floor = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
        return floor == at ? at : floor.AddHours(1);
    }
}
