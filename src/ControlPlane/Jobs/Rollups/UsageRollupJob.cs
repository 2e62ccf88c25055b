using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Jobs.Rollups;

/// <summary>
/// Every minute, per tenant: rolls the events not rolled up yet into hour and day aggregates, a
/// batch at a time (see <see cref="UsageRollupBatch"/>). The <c>RolledUp</c> flag, not a time or
/// id watermark, says what is done, so events that commit late or out of order are still counted.
/// </summary>
internal sealed partial class UsageRollupJob(TenantJobScope tenants, ILogger<UsageRollupJob> logger) : IPlatformJob
{
    public const string Id = "usage-rollup";

    /// <summary>Events per transaction: large enough to amortise the round trips, small enough to keep locks short.</summary>
    internal const int BatchSize = 5_000;

    /// <summary>Lost races in a row before the run gives up (Hangfire retries it); only another run of this job can cause one.</summary>
    private const int MaxConflicts = 5;

    public Task RunAsync(CancellationToken cancellationToken) =>
        tenants.ForEachTenantAsync(Id, (services, tenantId, ct) => RollUpTenantAsync(services.GetRequiredService<PlatformDbContext>(), tenantId, ct), cancellationToken);

    private async Task RollUpTenantAsync(PlatformDbContext db, Guid tenantId, CancellationToken ct)
    {
        var (rolled, conflicts) = (0, 0);
        while (true)
        {
            var batch = await db.UsageEvents.AsNoTracking()
                .Where(e => !e.RolledUp)
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            if (await TryApplyAsync(db, batch, lastChance: conflicts == MaxConflicts - 1, ct))
            {
                rolled += batch.Count;
                conflicts = 0;
                if (batch.Count < BatchSize)
                {
                    break;
                }
            }
            else if (++conflicts >= MaxConflicts)
            {
                throw new InvalidOperationException($"Roll-up lost {MaxConflicts} races in a row to another run.");
            }
        }

        if (rolled > 0)
        {
            LogRolledUp(logger, rolled, tenantId);
        }
    }

    private async Task<bool> TryApplyAsync(PlatformDbContext db, IReadOnlyList<UsageEvent> batch, bool lastChance, CancellationToken ct)
    {
        try
        {
            return await UsageRollupBatch.ApplyAsync(db, batch, ct);
        }
        catch (DbUpdateException ex) when (!lastChance)
        {
            // A roll-up row changed or was inserted by another run since it was read (concurrency
            // token or unique key): the transaction rolled back, so read the batch again.
            LogRace(logger, ex);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rolled up {Count} usage events of tenant {TenantId}")]
    private static partial void LogRolledUp(ILogger logger, int count, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roll-up batch raced another run; reading it again")]
    private static partial void LogRace(ILogger logger, Exception exception);
}
