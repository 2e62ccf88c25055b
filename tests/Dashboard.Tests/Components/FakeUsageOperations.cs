using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>
/// Calls on route <c>chat</c> (<see cref="Total"/> of them, feature <c>feature-000</c>, ...), served a
/// page at a time; <see cref="Trace"/> answers every trace. Records every query so tests assert what the page asked for.
/// </summary>
internal sealed class FakeUsageOperations : IUsageOperations
{
    public int Total { get; set; } = 3;

    public bool Capped { get; set; }

    public List<UsageListQuery> Queries { get; } = [];

    public List<UsageAggregateQuery> Aggregates { get; } = [];

    public UsageTraceView? Trace { get; set; }

    public static UsageRecordView Call(string feature, int status = 200, int fallbacks = 0) => new(
        Guid.NewGuid(), new DateTime(2026, 5, 1, 11, 0, 0, DateTimeKind.Utc), "chat", "chat", feature, null, null, "openai", "gpt-4o",
        status, status >= 400 ? "server_error" : null, 120, null, 10, 5, 0, 0.0015m, false, false, false, fallbacks, false, false,
        "support", "prod", 3);

    public Task<Outcome<UsageRecordPage>> ListAsync(UsageListQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var items = Enumerable.Range(paging.Skip, Math.Max(0, Math.Min(paging.PageSize, Total - paging.Skip)))
            .Select(i => Call($"feature-{i:000}")).ToList();
        return Task.FromResult(Outcome.Ok(new UsageRecordPage(items, paging.PageNumber, paging.PageSize, Total, Capped)));
    }

    public Task<Outcome<UsageTraceView>> TraceAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(Trace is { } trace ? Outcome.Ok(trace) : Outcome.Fail<UsageTraceView>(Failure.NotFound("call")));

    public Task<Outcome<IReadOnlyList<UsageAggregateRow>>> AggregateAsync(UsageAggregateQuery query, CancellationToken ct)
    {
        Aggregates.Add(query);
        return Task.FromResult(Outcome.Ok<IReadOnlyList<UsageAggregateRow>>([]));
    }
}
