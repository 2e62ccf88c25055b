using System.Globalization;

namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>The arithmetic of billing: calendar months in UTC, the charge in cents, the idempotency keys.</summary>
internal static class BillingPeriods
{
    public static DateTime MonthStart(DateTime time) => new(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The closed months a run bills, oldest first: from the tenant's first month (at most
    /// <paramref name="monthsBack"/> back) to the month before <paramref name="now"/>'s.
    /// </summary>
    public static IReadOnlyList<DateTime> ClosedMonths(DateTime tenantCreatedAt, DateTime now, int monthsBack)
    {
        var current = MonthStart(now);
        var first = MonthStart(tenantCreatedAt);
        var earliest = current.AddMonths(-monthsBack);
        var months = new List<DateTime>();
        for (var month = first > earliest ? first : earliest; month < current; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>
    /// Usage plus markup in cents, rounded half up: nano-USD × (1 + markup) / 10^7. Decimal keeps
    /// it exact (a long of nano-USD times a markup stays far inside decimal's 28 digits).
    /// </summary>
    public static long AmountCents(long usageNanoUsd, decimal markupPercent) =>
        (long)decimal.Round(usageNanoUsd * (100m + markupPercent) / 100m / 10_000_000m, 0, MidpointRounding.AwayFromZero);

    /// <summary>One key per tenant-month; the Stripe calls of that month add a suffix each, so a re-run repeats them exactly.</summary>
    public static string IdempotencyKey(Guid tenantId, DateTime month) =>
        $"bill-{tenantId:N}-{month.ToString("yyyyMM", CultureInfo.InvariantCulture)}";

    public static string CustomerIdempotencyKey(Guid tenantId) => $"customer-{tenantId:N}";

    /// <summary><c>yyyy-MM</c>, as in the invoice line and the metadata the webhook reads back.</summary>
    public static string Label(DateTime month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateTime? ParseLabel(string? label) =>
        DateTime.TryParseExact(label, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month)
            ? DateTime.SpecifyKind(month, DateTimeKind.Utc)
            : null;

    /// <summary>The markup as people write it: <c>20 %</c>, <c>12.5 %</c>.</summary>
    public static string Percent(decimal markupPercent) =>
        markupPercent.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
