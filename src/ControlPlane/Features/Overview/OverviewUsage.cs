using System.Data;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Features.Overview;

/// <summary>
/// Exact counts and cost of a period per hour, per feature and per model, the way
/// <see cref="Spend.SpendReader"/> reads spend: hour roll-ups for rolled-up calls plus the raw calls
/// not rolled up yet, in one serializable transaction so a roll-up committing in between neither
/// hides a call nor counts it twice. The not-yet-rolled calls (normally the last hour or so) are
/// read as a narrow projection and grouped in memory: grouping by hour in SQL needs date functions
/// SQLite cannot apply to the converted column.
/// </summary>
internal sealed record OverviewUsage(
    IReadOnlyDictionary<DateTime, OverviewUsage.Counts> Hours,
    IReadOnlyDictionary<string, OverviewUsage.Counts> Features,
    IReadOnlyDictionary<string, OverviewUsage.Counts> Models)
{
    public static Task<OverviewUsage> ReadAsync(PlatformDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, From: from, To: to),
            static async (_, s, ct) =>
            {
                await using var transaction = await s.Db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
                var rollups = s.Db.UsageRollups.AsNoTracking()
                    .Where(r => r.Granularity == RollupGranularity.Hour && r.BucketStart >= s.From && r.BucketStart < s.To);
                var hours = await rollups.GroupBy(r => r.BucketStart)
                    .Select(g => new Row<DateTime>(g.Key, g.Sum(r => (long)r.Requests), g.Sum(r => (long)r.Errors), g.Sum(r => (long)r.Fallbacks), g.Sum(r => r.CostNanoUsd)))
                    .ToListAsync(ct);
                var features = await rollups.GroupBy(r => r.Feature)
                    .Select(g => new Row<string>(g.Key, g.Sum(r => (long)r.Requests), g.Sum(r => (long)r.Errors), g.Sum(r => (long)r.Fallbacks), g.Sum(r => r.CostNanoUsd)))
                    .ToListAsync(ct);
                var models = await rollups.GroupBy(r => r.Model)
                    .Select(g => new Row<string>(g.Key, g.Sum(r => (long)r.Requests), g.Sum(r => (long)r.Errors), g.Sum(r => (long)r.Fallbacks), g.Sum(r => r.CostNanoUsd)))
                    .ToListAsync(ct);
                var fresh = await s.Db.UsageEvents.AsNoTracking()
                    .Where(e => !e.RolledUp && e.StartedAt >= s.From && e.StartedAt < s.To)
                    .Select(e => new Fresh(e.StartedAt, e.Feature, e.Model, e.Status >= 400, e.FallbackCount > 0, e.CostNanoUsd))
                    .ToListAsync(ct);
                await transaction.CommitAsync(ct);

                var hourTotals = Totals(hours);
                var featureTotals = Totals(features);
                var modelTotals = Totals(models);
                foreach (var call in fresh)
                {
                    var one = new Counts(1, call.Failed ? 1 : 0, call.FellBack ? 1 : 0, call.CostNanoUsd);
                    Add(hourTotals, new DateTime(call.StartedAt.Ticks - (call.StartedAt.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc), one);
                    Add(featureTotals, call.Feature ?? "", one);
                    Add(modelTotals, call.Model ?? "", one);
                }

                return new OverviewUsage(hourTotals, featureTotals, modelTotals);
            },
            verifySucceeded: null,
            cancellationToken);

    private static Dictionary<TKey, Counts> Totals<TKey>(List<Row<TKey>> rows)
        where TKey : notnull =>
        rows.ToDictionary(r => r.Key, r => new Counts(r.Requests, r.Errors, r.Fallbacks, r.CostNanoUsd));

    private static void Add<TKey>(Dictionary<TKey, Counts> totals, TKey key, Counts counts)
        where TKey : notnull =>
        totals[key] = totals.TryGetValue(key, out var sum) ? sum + counts : counts;

    /// <summary>Requests, errors (status 400 or more), calls that fell back, and cost in nano-USD.</summary>
    internal readonly record struct Counts(long Requests, long Errors, long Fallbacks, long CostNanoUsd)
    {
        public static Counts operator +(Counts a, Counts b) =>
            new(a.Requests + b.Requests, a.Errors + b.Errors, a.Fallbacks + b.Fallbacks, a.CostNanoUsd + b.CostNanoUsd);
    }

    private sealed record Row<TKey>(TKey Key, long Requests, long Errors, long Fallbacks, long CostNanoUsd);

    private sealed record Fresh(DateTime StartedAt, string? Feature, string? Model, bool Failed, bool FellBack, long CostNanoUsd);
}
