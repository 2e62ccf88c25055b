using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// The period a budget is in now (<see cref="BudgetPeriods"/>, as the data plane sees it) and the
/// whole hours its spend is read over. Day, week and month periods are whole hours already; a
/// custom period's start is rounded down and its end up to the hour (the roll-ups' grain), so the
/// alert never misses spend the data plane counts, at the cost of counting up to an hour more on
/// either side.
/// </summary>
internal sealed record BudgetAlertPeriod(DateTime Start, DateTime End, DateTime SpendFrom, DateTime SpendTo)
{
    public static BudgetAlertPeriod? Current(Budget budget, DateTime utcNow) =>
        BudgetPeriods.TryGetWindow(budget.Period, budget.CustomStart, budget.CustomEnd, utcNow, out var start, out var end)
            ? new BudgetAlertPeriod(start, end, FloorHour(start), CeilingHour(end))
            : null;

    /// <summary>
    /// When the limit is reached at the period's rate so far (spent over the time elapsed), if that
    /// is before the period ends; null when nothing is spent yet, the limit is already reached, or
    /// the rate would not reach it in time. Whole seconds.
    /// </summary>
    public DateTime? RunOutAt(long spentNanoUsd, long limitNanoUsd, DateTime utcNow)
    {
        var elapsed = utcNow - Start;
        if (spentNanoUsd <= 0 || spentNanoUsd >= limitNanoUsd || elapsed <= TimeSpan.Zero)
        {
            return null;
        }

        // In double: elapsed ticks times the ratio overflows decimal and long for tiny spends.
        var ticks = elapsed.Ticks * ((double)limitNanoUsd / spentNanoUsd);
        if (ticks >= (End - Start).Ticks)
        {
            return null;
        }

        var at = Start.AddTicks((long)ticks);
        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
    }

    private static DateTime FloorHour(DateTime value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerHour));

    private static DateTime CeilingHour(DateTime value) =>
        value.Ticks % TimeSpan.TicksPerHour == 0 ? value : FloorHour(value).AddHours(1);
}
