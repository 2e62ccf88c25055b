using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Usage;

/// <summary>
/// The recorded calls of the caller's tenant. The list pages with OFFSET over the
/// (TenantId, StartedAt) index and counts at most <see cref="UsageRecordPage.CountCap"/> matches: an exact
/// COUNT(*) walks every matching row on every page, which is what made a million-row tenant slow.
/// </summary>
internal sealed class UsageOperations(PlatformDbContext db, Caller caller) : IUsageOperations
{
    public async Task<Outcome<UsageRecordPage>> ListAsync(UsageListQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var events = UsageEventQueries.Filtered(db, query.Filter);
        var counted = await events.Take(UsageRecordPage.CountCap + 1).CountAsync(ct);
        var rows = await events.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var capped = counted > UsageRecordPage.CountCap;
        return Outcome.Ok(new UsageRecordPage(
            [.. rows.Select(UsageEventQueries.View)], paging.PageNumber, paging.PageSize, Math.Min(counted, UsageRecordPage.CountCap), capped));
    }

    public async Task<Outcome<UsageTraceView>> TraceAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        if (await db.UsageEvents.AsNoTracking().Include(e => e.Attempts).SingleOrDefaultAsync(e => e.Id == id, ct) is not { } call)
        {
            return Failure.NotFound("call");
        }

        var attempts = call.Attempts.OrderBy(a => a.Index)
            .Select(a => new UsageAttemptView(a.Index, a.Provider, a.Model, a.Status, a.ErrorClass, a.LatencyMs,
                a.InputTokens, a.OutputTokens, UsageFilter.Usd(a.CostNanoUsd), a.Cancelled))
            .ToList();
        return Outcome.Ok(new UsageTraceView(UsageEventQueries.View(call), call.Strategy, call.UpstreamLatencyMs, attempts));
    }

    public async Task<Outcome<IReadOnlyList<UsageAggregateRow>>> AggregateAsync(UsageAggregateQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        if (query.By is not { } by || !UsageAggregateQuery.Dimensions.Contains(by))
        {
            return Failure.Invalid(nameof(UsageAggregateQuery.By), $"Group by one of: {string.Join(", ", UsageAggregateQuery.Dimensions)}.");
        }

        var events = UsageEventQueries.Filtered(db, query.Filter);
        var grouped = by switch
        {
            "feature" => events.GroupBy(e => e.Feature),
            "route" => events.GroupBy(e => e.Route),
            "model" => events.GroupBy(e => e.Model),
            "provider" => events.GroupBy(e => e.Provider),
            "customer" => events.GroupBy(e => e.Customer),
            "endpoint" => events.GroupBy(e => (string?)e.Endpoint),
            "key" => events.GroupBy(e => e.ApiKeyId == null ? null : e.ApiKeyId.ToString()),
            _ => events.GroupBy(e => e.Status.ToString()),
        };
        var rows = await grouped.Select(g => new
        {
            g.Key,
            Requests = g.Count(),
            Errors = g.Count(e => e.Status >= 400),
            Fallbacks = g.Count(e => e.FallbackCount > 0),
            CacheHits = g.Count(e => e.CacheHit),
            InputTokens = g.Sum(e => (long)e.InputTokens),
            OutputTokens = g.Sum(e => (long)e.OutputTokens),
            Cost = g.Sum(e => e.CostNanoUsd),
            Latency = g.Average(e => (double)e.LatencyMs),
        }).ToListAsync(ct);
        return Outcome.Ok<IReadOnlyList<UsageAggregateRow>>(rows
            .OrderByDescending(r => r.Cost).ThenByDescending(r => r.Requests)
            .Select(r => new UsageAggregateRow(r.Key, r.Requests, r.Errors, r.Fallbacks, r.CacheHits, r.InputTokens, r.OutputTokens,
                UsageFilter.Usd(r.Cost), Math.Round(r.Latency, 1)))
            .ToList());
    }
}
