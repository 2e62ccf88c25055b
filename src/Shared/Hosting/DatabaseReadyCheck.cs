using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Shared.Data;

namespace Platform.Shared.Hosting;

/// <summary>
/// Ready when the database answers a query on a migrated table. A plain "can connect" is not
/// enough on SQLite, which creates an empty file on open.
/// </summary>
internal sealed class DatabaseReadyCheck(PlatformDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Tenants.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database is unreachable or not migrated.");
        }
    }
}
