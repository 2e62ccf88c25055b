using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Jobs.Rollups;

/// <summary>
/// Adds one batch of raw events to their hour and day roll-ups and flags them rolled up, in one
/// transaction. The flag update is the claim: it only touches events still unflagged, so if it
/// changes fewer rows than the batch holds, another run rolled some of them up after this batch
/// was read, and everything is rolled back. An event therefore lands in its roll-ups exactly once,
/// whenever it arrives (late spool replays included) and however often the job runs.
/// </summary>
internal static class UsageRollupBatch
{
    /// <returns>False when another run got to some of the events first; nothing was written.</returns>
    public static Task<bool> ApplyAsync(PlatformDbContext db, IReadOnlyList<UsageEvent> batch, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Batch: batch),
            static async (_, s, ct) =>
            {
                // A retried attempt starts clean: nothing tracked from the failed one may be saved.
                s.Db.ChangeTracker.Clear();
                await using var transaction = await s.Db.Database.BeginTransactionAsync(ct);

                // Claim first: on SQL Server this locks the events, so a run holding the same batch
                // waits here and then finds nothing left to claim, before doing any other work.
                var ids = s.Batch.Select(e => e.Id).ToList();
                var claimed = await s.Db.UsageEvents
                    .Where(e => EF.Parameter(ids).Contains(e.Id) && !e.RolledUp)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.RolledUp, true), ct);
                if (claimed != ids.Count)
                {
                    await transaction.RollbackAsync(ct);
                    return false;
                }

                await AddToRollupsAsync(s.Db, s.Batch, ct);
                await s.Db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                s.Db.ChangeTracker.Clear();
                return true;
            },
            verifySucceeded: null,
            cancellationToken);

    private static async Task AddToRollupsAsync(PlatformDbContext db, IReadOnlyList<UsageEvent> batch, CancellationToken ct)
    {
        var dimensions = new RollupDimensions(db);
        var sums = new Dictionary<RollupKey, UsageRollup>();
        foreach (var e in batch)
        {
            Add(sums, dimensions.KeyOf(e, RollupGranularity.Hour), e);
            Add(sums, dimensions.KeyOf(e, RollupGranularity.Day), e);
        }

        var hours = Buckets(sums.Keys, RollupGranularity.Hour);
        var days = Buckets(sums.Keys, RollupGranularity.Day);
        var existing = await db.UsageRollups
            .Where(r => (r.Granularity == RollupGranularity.Hour && hours.Contains(r.BucketStart))
                || (r.Granularity == RollupGranularity.Day && days.Contains(r.BucketStart)))
            .ToListAsync(ct);

        // Two rows of one key can exist where the unique index ignores a null key id (SQL Server
        // filters nulls out, SQLite treats them as distinct); adding to either keeps totals right.
        var rows = new Dictionary<RollupKey, UsageRollup>();
        foreach (var row in existing)
        {
            rows.TryAdd(RollupKey.Of(row), row);
        }

        foreach (var (key, sum) in sums)
        {
            if (rows.TryGetValue(key, out var row))
            {
                AddTo(row, sum);
            }
            else
            {
                db.UsageRollups.Add(sum);
            }
        }
    }

    private static void Add(Dictionary<RollupKey, UsageRollup> sums, RollupKey key, UsageEvent e)
    {
        if (!sums.TryGetValue(key, out var sum))
        {
            sum = key.NewRow();
            sums[key] = sum;
        }

        sum.Requests++;
        // The same rule as SpendReader and the usage aggregates: a call answered with 4xx/5xx is an error.
        sum.Errors += e.Status >= 400 ? 1 : 0;
        sum.Fallbacks += e.FallbackCount > 0 ? 1 : 0;
        sum.CacheHits += e.CacheHit ? 1 : 0;
        sum.InputTokens += e.InputTokens;
        sum.OutputTokens += e.OutputTokens;
        sum.CachedTokens += e.CachedTokens;
        sum.CostNanoUsd += e.CostNanoUsd;
        sum.LatencyMsSum += e.LatencyMs;
    }

    private static void AddTo(UsageRollup row, UsageRollup sum)
    {
        row.Requests += sum.Requests;
        row.Errors += sum.Errors;
        row.Fallbacks += sum.Fallbacks;
        row.CacheHits += sum.CacheHits;
        row.InputTokens += sum.InputTokens;
        row.OutputTokens += sum.OutputTokens;
        row.CachedTokens += sum.CachedTokens;
        row.CostNanoUsd += sum.CostNanoUsd;
        row.LatencyMsSum += sum.LatencyMsSum;
    }

    private static List<DateTime> Buckets(IEnumerable<RollupKey> keys, RollupGranularity granularity) =>
        [.. keys.Where(k => k.Granularity == granularity).Select(k => k.BucketStart).Distinct()];
}
