namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// The webhook's JSON body. <see cref="Id"/> is the alert's id: the same on every retry, so a
/// receiver that keeps the ids it has handled acts on each alert once. Money in USD.
/// </summary>
internal sealed record BudgetAlertPayload(
    Guid Id,
    string Type,
    string Tenant,
    Guid BudgetId,
    string BudgetName,
    string Period,
    int ThresholdPercent,
    decimal SpentUsd,
    decimal LimitUsd,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    DateTime? ForecastRunOutAt,
    DateTime RaisedAt,
    string DashboardUrl)
{
    public const string ThresholdCrossed = "budget.threshold_crossed";

    public static BudgetAlertPayload Of(BudgetAlertNotice n) => new(
        n.AlertId, ThresholdCrossed, n.TenantSlug, n.BudgetId, n.BudgetName, n.Period, n.ThresholdPercent,
        AlertMoney.Usd(n.SpentNanoUsd), AlertMoney.Usd(n.LimitNanoUsd), n.PeriodStart, n.PeriodEnd, n.ForecastRunOutAt, n.RaisedAt,
        n.DashboardLink);
}
