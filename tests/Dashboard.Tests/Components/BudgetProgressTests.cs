using Bunit;
using MudBlazor;
using Platform.Dashboard.Components;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The budget bar: percent, colour by the thresholds crossed, over-limit, threshold markers.</summary>
public sealed class BudgetProgressTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData(10, 100, 10, "Success")]
    [InlineData(50, 100, 50, "Warning")]
    [InlineData(79.99, 100, 80, "Warning")]
    [InlineData(100, 100, 100, "Error")]
    [InlineData(0, 0, 0, "Success")]
    public void Meter_PercentAndColour_FollowTheThresholds(double spent, double limit, double percent, string colour)
    {
        var meter = new BudgetMeter((decimal)spent, (decimal)limit, [50, 90]);

        Assert.Equal((decimal)percent, meter.Percent);
        Assert.Equal(Enum.Parse<Color>(colour), meter.Colour);
    }

    [Fact]
    public void Render_OverTheLimit_BarFullRedAndSaysByHowMuch()
    {
        var bar = _context.Render<BudgetProgress>(p => p
            .Add(b => b.Name, "monthly")
            .Add(b => b.SpentUsd, 62.5m)
            .Add(b => b.LimitUsd, 50m)
            .Add(b => b.Thresholds, [50, 80, 100, 150]));

        Assert.Equal("error", bar.Find("[data-testid='budget-progress']").GetAttribute("data-colour"));
        Assert.Contains("$62.50 of $50.00 (125%)", bar.Markup, StringComparison.Ordinal);
        Assert.Contains("Over the limit by $12.50", bar.Find("[data-testid='over-limit']").TextContent, StringComparison.Ordinal);
        Assert.Equal(["50", "80", "100"], bar.FindAll("[data-threshold]").Select(m => m.GetAttribute("data-threshold")));
    }

    [Fact]
    public void Render_PastAThreshold_AmberWithTheThresholdNamed_NotOver()
    {
        var bar = _context.Render<BudgetProgress>(p => p
            .Add(b => b.Name, "daily")
            .Add(b => b.SpentUsd, 8.5m)
            .Add(b => b.LimitUsd, 10m)
            .Add(b => b.Thresholds, [50, 80]));

        Assert.Equal("warning", bar.Find("[data-testid='budget-progress']").GetAttribute("data-colour"));
        Assert.Contains("Past 80%", bar.Markup, StringComparison.Ordinal);
        Assert.Empty(bar.FindAll("[data-testid='over-limit']"));
    }

    [Fact]
    public void Render_WithAForecast_SaysWhenTheLimitIsReached_NoneWhenOver()
    {
        var runOut = new DateTime(2026, 5, 27, 14, 0, 0, DateTimeKind.Utc);
        var below = _context.Render<BudgetProgress>(p => p
            .Add(b => b.Name, "monthly")
            .Add(b => b.SpentUsd, 30m)
            .Add(b => b.LimitUsd, 100m)
            .Add(b => b.Thresholds, [50])
            .Add(b => b.ForecastRunOutAt, runOut));
        var over = _context.Render<BudgetProgress>(p => p
            .Add(b => b.Name, "monthly")
            .Add(b => b.SpentUsd, 120m)
            .Add(b => b.LimitUsd, 100m)
            .Add(b => b.ForecastRunOutAt, runOut));

        Assert.Equal("success", below.Find("[data-testid='budget-progress']").GetAttribute("data-colour"));
        Assert.Contains("limit is reached 2026-05-27 14:00 UTC", below.Find("[data-testid='forecast']").TextContent, StringComparison.Ordinal);
        Assert.Empty(over.FindAll("[data-testid='forecast']"));
    }
}
