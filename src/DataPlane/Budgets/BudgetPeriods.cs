using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Budgets;

/// <summary>
/// The period a budget is in at an instant: <see cref="Platform.Shared.Management.BudgetPeriods"/>, shared with
/// the control plane's alerts so both agree on it, for the data plane's policy record.
/// </summary>
internal static class BudgetPeriods
{
    public static bool TryGetWindow(BudgetPolicy budget, DateTime utcNow, out BudgetWindow window)
    {
        var found = Platform.Shared.Management.BudgetPeriods.TryGetWindow(
            budget.Period, budget.CustomStart, budget.CustomEnd, utcNow, out var start, out var end);
        window = found ? new BudgetWindow(start, end) : default;
        return found;
    }

    /// <summary>The period as the configuration writes it.</summary>
    public static string Name(BudgetPeriod period) => period switch
    {
        BudgetPeriod.Day => "day",
        BudgetPeriod.Week => "week",
        BudgetPeriod.Month => "month",
        _ => "custom",
    };
}
