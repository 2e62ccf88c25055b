using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Budgets;

/// <summary>
/// The period a budget is in at an instant, in UTC: a day starts at midnight, a week on Monday
/// (ISO 8601), a month on the 1st. A custom period is its own start (inclusive) to end (exclusive);
/// outside it the budget does not apply. A custom bound without a kind is taken as UTC.
/// </summary>
internal static class BudgetPeriods
{
    public static bool TryGetWindow(BudgetPolicy budget, DateTime utcNow, out BudgetWindow window)
    {
        var day = DateTime.SpecifyKind(utcNow.Date, DateTimeKind.Utc);
        switch (budget.Period)
        {
            case BudgetPeriod.Day:
                window = new BudgetWindow(day, day.AddDays(1));
                return true;
            case BudgetPeriod.Week:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                window = new BudgetWindow(monday, monday.AddDays(7));
                return true;
            case BudgetPeriod.Month:
                var first = new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                window = new BudgetWindow(first, first.AddMonths(1));
                return true;
            case BudgetPeriod.Custom when budget.CustomStart is { } start && budget.CustomEnd is { } end:
                window = new BudgetWindow(Utc(start), Utc(end));
                return utcNow >= window.Start && utcNow < window.End;
            default:
                window = default;
                return false;
        }
    }

    /// <summary>The period as the configuration writes it.</summary>
    public static string Name(BudgetPeriod period) => period switch
    {
        BudgetPeriod.Day => "day",
        BudgetPeriod.Week => "week",
        BudgetPeriod.Month => "month",
        _ => "custom",
    };

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
