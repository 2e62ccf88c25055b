using Bunit;
using Platform.Dashboard.Pages.Overview;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The overview over a fake <c>IOverviewOperations</c>: the numbers it shows and the range picker.</summary>
public sealed class OverviewPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeOverviewOperations Overview => _context.Overview;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void FirstRender_Asks24h_ShowsTheNumbersRatesAndTops()
    {
        var page = Render();

        page.WaitForAssertion(() => Assert.Contains("1,250", page.Find("[data-testid='stat-requests']").TextContent, StringComparison.Ordinal));
        Assert.Equal("24h", Assert.Single(Overview.Queries).Range);
        Assert.Contains("2.0", page.Find("[data-testid='stat-errors']").TextContent, StringComparison.Ordinal);
        Assert.Contains("4.0", page.Find("[data-testid='stat-fallbacks']").TextContent, StringComparison.Ordinal);
        Assert.Contains("180 ms / 940 ms", page.Find("[data-testid='stat-latency']").TextContent, StringComparison.Ordinal);
        Assert.Contains("$12.50", page.Find("[data-testid='stat-spend']").TextContent, StringComparison.Ordinal);
        Assert.Contains("$3.25", page.Find("[data-testid='stat-today']").TextContent, StringComparison.Ordinal);
        Assert.Contains("support", page.Find("[data-testid='top-features']").TextContent, StringComparison.Ordinal);
        Assert.Contains("(none)", page.Find("[data-testid='top-features']").TextContent, StringComparison.Ordinal);
        Assert.Contains("gpt-4o", page.Find("[data-testid='top-models']").TextContent, StringComparison.Ordinal);
        Assert.Contains("$40.00 of $50.00", page.Find("[data-testid='budgets']").TextContent, StringComparison.Ordinal);
        Assert.Contains("newest 1,250 calls", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void PickingSevenDays_AsksTheOperationFor7d()
    {
        var page = Render();
        page.WaitForAssertion(() => Assert.Single(Overview.Queries));

        page.FindAll("[data-testid='overview-range'] button").Single(b => b.TextContent.Contains("7d", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Equal("7d", Overview.Queries[^1].Range));
    }

    private IRenderedComponent<OverviewPage> Render() =>
        _context.Render<OverviewPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));
}
