namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// Every minute: each tenant's budgets against their thresholds (<see cref="BudgetAlertEvaluator"/>).
/// Re-running is safe: an alert is raised once per budget, period and threshold, and only
/// undelivered alerts are sent. Hangfire keeps two runs from overlapping.
/// </summary>
internal sealed class BudgetAlertJob(TenantJobScope tenants) : IPlatformJob
{
    public const string Id = "budget-alerts";

    public Task RunAsync(CancellationToken cancellationToken) =>
        tenants.ForEachTenantAsync(
            Id, static (services, tenantId, ct) => services.GetRequiredService<BudgetAlertEvaluator>().RunAsync(tenantId, ct), cancellationToken);
}
