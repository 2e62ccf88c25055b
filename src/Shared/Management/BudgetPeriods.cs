using Platform.Shared.Domain;

namespace Platform.Shared.Management;

/// <summary>
/// The period a budget is in at an instant, in UTC: a day starts at midnight, a week on Monday
/// (ISO 8601), a month on the 1st. A custom period is its own start (inclusive) to end (exclusive);
/// outside it the budget does not apply. A custom bound without a kind is taken as UTC. The data
/// plane (admission) and the control plane (alerts) both ask here, so they agree on the period.
/// </summary>
public static class BudgetPeriods
{
    public static bool TryGetWindow(
        BudgetPeriod period, DateTime? customStart, DateTime? customEnd, DateTime utcNow, out DateTime start, out DateTime end)
    {
        var day = DateTime.SpecifyKind(utcNow.Date, DateTimeKind.Utc);
        switch (period)
        {
            case BudgetPeriod.Day:
                (start, end) = (day, day.AddDays(1));
                return true;
            case BudgetPeriod.Week:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                (start, end) = (monday, monday.AddDays(7));
                return true;
            case BudgetPeriod.Month:
                var first = new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                (start, end) = (first, first.AddMonths(1));
                return true;
            case BudgetPeriod.Custom when customStart is { } from && customEnd is { } to:
                (start, end) = (Utc(from), Utc(to));
                return utcNow >= start && utcNow < end;
            default:
                (start, end) = (default, default);
                return false;
        }
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
