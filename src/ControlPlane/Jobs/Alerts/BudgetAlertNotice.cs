using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// What one alert says, by e-mail and by webhook alike: the numbers are the alert row's (as they
/// were when the threshold was crossed), so a retry later in the period says the same thing.
/// </summary>
internal sealed record BudgetAlertNotice(
    Guid AlertId,
    string TenantSlug,
    string TenantName,
    Guid BudgetId,
    string BudgetName,
    string Period,
    int ThresholdPercent,
    long SpentNanoUsd,
    long LimitNanoUsd,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    DateTime? ForecastRunOutAt,
    DateTime RaisedAt,
    string DashboardLink)
{
    public static BudgetAlertNotice Of(Alert alert, Budget budget, BudgetAlertPeriod period, Tenant tenant, string dashboardUrl) => new(
        alert.Id, tenant.Slug, tenant.Name, budget.Id, budget.Name, BudgetWords.Period(budget.Period), alert.ThresholdPercent,
        alert.SpentNanoUsd, alert.LimitNanoUsd, period.Start, period.End, alert.ForecastRunOutAt, alert.CreatedAt,
        $"{dashboardUrl.TrimEnd('/')}/budgets/{budget.Id}");
}
