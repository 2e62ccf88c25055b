using Platform.DataPlane.Budgets;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Budgets;

public sealed class BudgetPeriodsTests
{
    [Theory]
    [InlineData("2025-03-15T13:45:10", "2025-03-15T00:00:00", "2025-03-16T00:00:00")]
    [InlineData("2025-03-15T00:00:00", "2025-03-15T00:00:00", "2025-03-16T00:00:00")]
    [InlineData("2025-03-15T23:59:59.9999999", "2025-03-15T00:00:00", "2025-03-16T00:00:00")]
    [InlineData("2024-12-31T08:00:00", "2024-12-31T00:00:00", "2025-01-01T00:00:00")]
    public void TryGetWindow_Day_MidnightToMidnightUtc(string now, string start, string end) =>
        AssertWindow(BudgetPeriod.Day, now, start, end);

    [Theory]
    [InlineData("2025-03-17T00:00:00", "2025-03-17T00:00:00", "2025-03-24T00:00:00")] // Monday, first instant
    [InlineData("2025-03-16T23:59:59", "2025-03-10T00:00:00", "2025-03-17T00:00:00")] // Sunday belongs to the week before
    [InlineData("2025-03-19T10:00:00", "2025-03-17T00:00:00", "2025-03-24T00:00:00")] // Wednesday
    [InlineData("2025-01-01T10:00:00", "2024-12-30T00:00:00", "2025-01-06T00:00:00")] // a week across the new year
    public void TryGetWindow_Week_StartsOnMonday(string now, string start, string end) =>
        AssertWindow(BudgetPeriod.Week, now, start, end);

    [Theory]
    [InlineData("2024-02-29T18:00:00", "2024-02-01T00:00:00", "2024-03-01T00:00:00")]
    [InlineData("2025-12-31T23:59:59", "2025-12-01T00:00:00", "2026-01-01T00:00:00")]
    [InlineData("2026-01-01T00:00:00", "2026-01-01T00:00:00", "2026-02-01T00:00:00")]
    public void TryGetWindow_Month_FirstToFirst(string now, string start, string end) =>
        AssertWindow(BudgetPeriod.Month, now, start, end);

    [Theory]
    [InlineData("2025-06-01T00:00:00", true)]   // start is inside
    [InlineData("2025-06-15T12:00:00", true)]
    [InlineData("2025-06-30T23:59:59", true)]
    [InlineData("2025-07-01T00:00:00", false)]  // end is outside
    [InlineData("2025-05-31T23:59:59", false)]
    public void TryGetWindow_Custom_AppliesOnlyFromStartToBeforeEnd(string now, bool applies)
    {
        var budget = BudgetTestPolicies.Budget(period: BudgetPeriod.Custom,
            start: new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), end: new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc));

        var found = BudgetPeriods.TryGetWindow(budget, Utc(now), out var window);

        Assert.Equal(applies, found);
        if (applies)
        {
            Assert.Equal((Utc("2025-06-01T00:00:00"), Utc("2025-07-01T00:00:00")), (window.Start, window.End));
        }
    }

    [Fact]
    public void TryGetWindow_CustomBoundsWithoutKind_TakenAsUtc()
    {
        var budget = BudgetTestPolicies.Budget(period: BudgetPeriod.Custom,
            start: new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Unspecified), end: new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Unspecified));

        Assert.True(BudgetPeriods.TryGetWindow(budget, Utc("2025-06-01T00:00:00"), out var window));
        Assert.Equal(DateTimeKind.Utc, window.Start.Kind);
        Assert.Equal(DateTimeKind.Utc, window.End.Kind);
    }

    [Fact]
    public void TryGetWindow_CustomWithoutBounds_DoesNotApply() =>
        Assert.False(BudgetPeriods.TryGetWindow(BudgetTestPolicies.Budget(period: BudgetPeriod.Custom), Utc("2025-06-01T00:00:00"), out _));

    private static void AssertWindow(BudgetPeriod period, string now, string start, string end)
    {
        Assert.True(BudgetPeriods.TryGetWindow(BudgetTestPolicies.Budget(period: period), Utc(now), out var window));
        Assert.Equal((Utc(start), Utc(end)), (window.Start, window.End));
        Assert.Equal(DateTimeKind.Utc, window.Start.Kind);
    }

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
