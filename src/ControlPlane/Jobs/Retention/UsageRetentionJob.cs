using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;

namespace Platform.ControlPlane.Jobs.Retention;

/// <summary>
/// Daily, per tenant: deletes raw usage events (their attempts cascade) that started more than
/// <c>Tenant.RetentionDays</c> ago, in batches so no transaction holds the table for long. Only
/// events already rolled up go: their numbers live on in the roll-ups, which are kept, so spend
/// totals do not change. An event the roll-up has not reached yet stays, however old.
/// </summary>
internal sealed partial class UsageRetentionJob(TenantJobScope tenants, TimeProvider time, ILogger<UsageRetentionJob> logger) : IPlatformJob
{
    public const string Id = "usage-retention";

    internal const int BatchSize = 1_000;

    public Task RunAsync(CancellationToken cancellationToken) =>
        tenants.ForEachTenantAsync(Id, (services, tenantId, ct) => PurgeAsync(services.GetRequiredService<PlatformDbContext>(), tenantId, ct), cancellationToken);

    private async Task PurgeAsync(PlatformDbContext db, Guid tenantId, CancellationToken ct)
    {
        var days = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.RetentionDays).SingleAsync(ct);
        if (days < 1)
        {
            // Not a setting anyone can make through the API; deleting everything on a bad value
            // could not be undone, keeping it can.
            LogRetentionIgnored(logger, tenantId, days);
            return;
        }

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-days);
        var deleted = 0;
        while (true)
        {
            var ids = await db.UsageEvents.AsNoTracking()
                .Where(e => e.RolledUp && e.StartedAt < cutoff)
                .OrderBy(e => e.Id)
                .Select(e => e.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            // RolledUp never goes back to false, so the condition still holds for these ids.
            deleted += await db.UsageEvents.Where(e => EF.Parameter(ids).Contains(e.Id) && e.RolledUp).ExecuteDeleteAsync(ct);
            if (ids.Count < BatchSize)
            {
                break;
            }
        }

        if (deleted > 0)
        {
            LogDeleted(logger, deleted, tenantId, days);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} rolled-up usage events of tenant {TenantId} older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, Guid tenantId, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} has retention {Days} days; nothing deleted")]
    private static partial void LogRetentionIgnored(ILogger logger, Guid tenantId, int days);
}
