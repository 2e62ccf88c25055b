using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;

namespace Platform.ControlPlane.Jobs;

/// <summary>
/// Runs a piece of a job once per tenant, each in its own DI scope with that tenant in the
/// <see cref="TenantContext"/>, so the tenant filters and the save guard hold inside jobs too.
/// One tenant's failure is logged and does not stop the others; the run then fails so Hangfire retries.
/// </summary>
internal sealed partial class TenantJobScope(IServiceScopeFactory scopes, PlatformDbContextFactory databases, ILogger<TenantJobScope> logger)
{
    public async Task ForEachTenantAsync(
        string jobName, Func<IServiceProvider, Guid, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        List<Guid> tenantIds;
        await using (var db = databases.Create(null))
        {
            tenantIds = await db.Tenants.AsNoTracking().Where(t => !t.Disabled).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var failures = 0;
        foreach (var tenantId in tenantIds)
        {
            try
            {
                await RunForTenantAsync(tenantId, work, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures++;
                LogTenantFailed(logger, ex, jobName, tenantId);
            }
        }

        if (failures > 0)
        {
            throw new InvalidOperationException($"{jobName} failed for {failures} of {tenantIds.Count} tenants; see the log.");
        }
    }

    public async Task RunForTenantAsync(Guid tenantId, Func<IServiceProvider, Guid, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        await work(scope.ServiceProvider, tenantId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed for tenant {TenantId}")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, string job, Guid tenantId);
}
