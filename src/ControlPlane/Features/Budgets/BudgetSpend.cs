using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.ControlPlane.Spend;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Features.Budgets;

/// <summary>
/// A budget's current period and its exact spend, read over the same hours and keys as
/// <see cref="BudgetAlertEvaluator"/>, so the page's bar and the alerts it raises agree.
/// </summary>
internal static class BudgetSpend
{
    /// <returns>Null when the budget is outside its period (a custom period not begun or over).</returns>
    public static async Task<BudgetSpendView?> ReadAsync(PlatformDbContext db, Budget budget, DateTime utcNow, CancellationToken ct)
    {
        if (BudgetAlertPeriod.Current(budget, utcNow) is not { } period)
        {
            return null;
        }

        var spent = (await SpendReader.TotalAsync(db, period.SpendFrom, period.SpendTo, await FilterAsync(db, budget, ct), ct)).CostNanoUsd;
        var forecast = period.RunOutAt(spent, AlertMoney.Nano(budget.LimitUsd), utcNow);
        return new BudgetSpendView(period.Start, period.End, AlertMoney.Usd(spent), forecast);
    }

    /// <summary>An API-key budget counts by the key's name, like the data plane: every key of that name, rotated or revoked ones too.</summary>
    private static async Task<SpendFilter> FilterAsync(PlatformDbContext db, Budget budget, CancellationToken ct) => budget.Scope switch
    {
        BudgetScope.Feature => new SpendFilter(Feature: budget.ScopeValue ?? ""),
        BudgetScope.ApiKey => new SpendFilter(ApiKeyIds: await db.ApiKeys.AsNoTracking()
            .Where(k => k.Name == budget.ScopeValue).Select(k => k.Id).ToListAsync(ct)),
        _ => new SpendFilter(),
    };
}
