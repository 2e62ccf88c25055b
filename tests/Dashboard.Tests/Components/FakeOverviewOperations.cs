using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>Answers <see cref="View"/> for every range and records the queries.</summary>
internal sealed class FakeOverviewOperations : IOverviewOperations
{
    public List<OverviewQuery> Queries { get; } = [];

    public OverviewView View { get; set; } = new(
        new DateTime(2026, 5, 31, 13, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 1, 13, 0, 0, DateTimeKind.Utc),
        Requests: 1_250, Errors: 25, Fallbacks: 50, CostUsd: 12.5m, P50LatencyMs: 180, P95LatencyMs: 940, LatencySample: 1_250,
        SpendTodayUsd: 3.25m,
        Buckets: [.. Enumerable.Range(0, 24).Select(h => new OverviewBucket(
            new DateTime(2026, 5, 31, 13, 0, 0, DateTimeKind.Utc).AddHours(h), 50, 1, 2, 0.5m))],
        TopFeatures: [new OverviewTop("support", 900, 9m), new OverviewTop("", 350, 3.5m)],
        TopModels: [new OverviewTop("gpt-4o", 1_000, 11m)],
        Budgets: [new OverviewBudget("monthly-total", "tenant", "month", 50m, 40m)]);

    public Task<Outcome<OverviewView>> GetAsync(OverviewQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        return Task.FromResult(Outcome.Ok(View));
    }
}
