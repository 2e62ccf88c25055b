using System.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Spend;

/// <summary>
/// Exact usage totals of a period, priced at call time, from the one place every call is counted
/// exactly once: hour roll-ups for events already rolled up, plus the raw events not rolled up yet.
/// Both reads share one serializable transaction, so a roll-up committing in between can neither
/// hide an event nor count it twice. Because roll-ups are kept after retention deletes raw events,
/// old periods still add up. Periods are whole hours (the roll-up grain).
/// </summary>
internal static class SpendReader
{
    public static async Task<IReadOnlyList<SpendLine>> ReadAsync(
        PlatformDbContext db, DateTime from, DateTime to, SpendDimension by, SpendFilter? filter, CancellationToken cancellationToken)
    {
        if (from.Ticks % TimeSpan.TicksPerHour != 0 || to.Ticks % TimeSpan.TicksPerHour != 0)
        {
            throw new ArgumentException("Spend periods start and end on whole hours (UTC).");
        }

        filter ??= new SpendFilter();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, From: from, To: to, By: by, Filter: filter),
            static async (_, s, ct) =>
            {
                await using var transaction = await s.Db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
                var rollups = Rollups(s.Db, s.From, s.To, s.Filter);
                var events = Unrolled(s.Db, s.From, s.To, s.Filter);
                var lines = s.By switch
                {
                    SpendDimension.Feature => await GroupAsync(rollups, r => r.Feature, events, e => e.Feature ?? "", ct),
                    SpendDimension.Route => await GroupAsync(rollups, r => r.Route, events, e => e.Route ?? "", ct),
                    SpendDimension.Provider => await GroupAsync(rollups, r => r.Provider, events, e => e.Provider ?? "", ct),
                    SpendDimension.Model => await GroupAsync(rollups, r => r.Model, events, e => e.Model ?? "", ct),
                    SpendDimension.Customer => await GroupAsync(rollups, r => r.Customer, events, e => e.Customer ?? "", ct),
                    SpendDimension.ApiKey => await GroupAsync(rollups, r => r.ApiKeyId, events, e => e.ApiKeyId, ct),
                    _ => await GroupAsync(rollups, r => "", events, e => "", ct),
                };
                await transaction.CommitAsync(ct);
                return lines;
            },
            verifySucceeded: null,
            cancellationToken);
    }

    /// <summary>The total of one period, all dimensions together.</summary>
    public static async Task<SpendLine> TotalAsync(PlatformDbContext db, DateTime from, DateTime to, SpendFilter? filter, CancellationToken cancellationToken)
    {
        var lines = await ReadAsync(db, from, to, SpendDimension.None, filter, cancellationToken);
        return lines.Count == 0 ? new SpendLine("", 0, 0, 0, 0, 0, 0) : lines[0];
    }

    private static IQueryable<UsageRollup> Rollups(PlatformDbContext db, DateTime from, DateTime to, SpendFilter filter)
    {
        var rows = db.UsageRollups.AsNoTracking()
            .Where(r => r.Granularity == RollupGranularity.Hour && r.BucketStart >= from && r.BucketStart < to);
        if (filter.Feature is { } feature)
        {
            rows = rows.Where(r => r.Feature == feature);
        }

        if (filter.ApiKeyIds is { } keys)
        {
            rows = rows.Where(r => r.ApiKeyId != null && keys.Contains(r.ApiKeyId.Value));
        }

        return rows;
    }

    private static IQueryable<UsageEvent> Unrolled(PlatformDbContext db, DateTime from, DateTime to, SpendFilter filter)
    {
        var rows = db.UsageEvents.AsNoTracking()
            .Where(e => !e.RolledUp && e.StartedAt >= from && e.StartedAt < to);
        if (filter.Feature is { } feature)
        {
            rows = rows.Where(e => e.Feature == feature);
        }

        if (filter.ApiKeyIds is { } keys)
        {
            rows = rows.Where(e => e.ApiKeyId != null && keys.Contains(e.ApiKeyId.Value));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<SpendLine>> GroupAsync<TKey>(
        IQueryable<UsageRollup> rollups, Expression<Func<UsageRollup, TKey>> rollupKey,
        IQueryable<UsageEvent> events, Expression<Func<UsageEvent, TKey>> eventKey,
        CancellationToken cancellationToken)
    {
        var rolled = await rollups.GroupBy(rollupKey).Select(g => new Totals<TKey>(
            g.Key,
            g.Sum(r => (long)r.Requests),
            g.Sum(r => (long)r.Errors),
            g.Sum(r => r.InputTokens),
            g.Sum(r => r.OutputTokens),
            g.Sum(r => r.CachedTokens),
            g.Sum(r => r.CostNanoUsd))).ToListAsync(cancellationToken);
        var fresh = await events.GroupBy(eventKey).Select(g => new Totals<TKey>(
            g.Key,
            g.LongCount(),
            g.LongCount(e => e.Status >= 400),
            g.Sum(e => (long)e.InputTokens),
            g.Sum(e => (long)e.OutputTokens),
            g.Sum(e => (long)e.CachedTokens),
            g.Sum(e => e.CostNanoUsd))).ToListAsync(cancellationToken);
        return [.. rolled.Concat(fresh)
            .GroupBy(t => t.Key?.ToString() ?? "")
            .Select(g => new SpendLine(
                g.Key,
                g.Sum(t => t.Requests),
                g.Sum(t => t.Errors),
                g.Sum(t => t.InputTokens),
                g.Sum(t => t.OutputTokens),
                g.Sum(t => t.CachedTokens),
                g.Sum(t => t.CostNanoUsd)))
            .OrderByDescending(l => l.CostNanoUsd)
            .ThenBy(l => l.Key, StringComparer.Ordinal)];
    }

    private sealed record Totals<TKey>(TKey Key, long Requests, long Errors, long InputTokens, long OutputTokens, long CachedTokens, long CostNanoUsd);
}
