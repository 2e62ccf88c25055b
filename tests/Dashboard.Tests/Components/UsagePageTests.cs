using Bunit;
using Platform.Dashboard.Pages.Usage;
using Platform.Shared.Management;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The usage list and the call trace over a fake <c>IUsageOperations</c>: paging, filters, the capped count, the fallback shown.</summary>
public sealed class UsagePageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeUsageOperations Usage => _context.Usage;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void FirstRender_AsksForPageOneOfTheLast24Hours_AndListsTheCalls()
    {
        var page = Render();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        var query = Assert.Single(Usage.Queries);
        Assert.Equal((1, 25), (query.Page, query.PageSize));
        Assert.Equal(FixedTime.Noon.UtcDateTime.AddHours(-24), query.Filter.From);
        Assert.Equal((null, null, null), (query.Filter.Route, query.Filter.Failed, query.Filter.Fallback));
        Assert.Contains("feature-002", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void NextPage_CallsTheOperationWithPageTwo()
    {
        Usage.Total = 60;
        var page = Render();
        page.WaitForAssertion(() => Assert.Single(Usage.Queries));

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, Usage.Queries.Count));
        Assert.Equal((2, 25), (Usage.Queries[1].Page, Usage.Queries[1].PageSize));
        page.WaitForAssertion(() => Assert.Contains("feature-025", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void RouteFilter_OnPageTwo_ReloadsPageOneWithTheRoute()
    {
        Usage.Total = 60;
        var page = Render();
        page.WaitForAssertion(() => Assert.Single(Usage.Queries));
        page.Find("button[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Equal(2, Usage.Queries.Count));

        page.Find("input[data-testid='route-filter']").Input(" support-chat ");

        page.WaitForAssertion(() => Assert.Equal("support-chat", Usage.Queries[^1].Filter.Route));
        Assert.Equal(1, Usage.Queries[^1].Page);
    }

    [Fact]
    public void CappedTotal_PagerSaysMoreThanTheCap()
    {
        Usage.Total = UsageRecordPage.CountCap;
        Usage.Capped = true;

        var page = Render();

        page.WaitForAssertion(() => Assert.Contains($"of more than {UsageRecordPage.CountCap:N0}", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_ShowsEveryAttempt_MarksTheFailedPrimaryAndTheFallback()
    {
        var call = FakeUsageOperations.Call("support", fallbacks: 1) with { Route = "support-chat", Provider = "backup", Model = "small" };
        Usage.Trace = new UsageTraceView(call, "ordered", 90,
        [
            new UsageAttemptView(0, "openai", "big", 500, "server_error", 40, 0, 0, 0m, false),
            new UsageAttemptView(1, "backup", "small", 200, null, 50, 10, 5, 0.0015m, false),
        ]);

        var trace = _context.Render<UsageTracePage>(p => p
            .Add(t => t.Id, call.Id)
            .AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));

        trace.WaitForAssertion(() => Assert.Equal(2, trace.FindAll("tbody tr[class*='attempt-']").Count));
        var rows = trace.FindAll("tbody tr[class*='attempt-']");
        Assert.Contains("attempt-primary-failed", rows[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("server_error", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("attempt-fallback", rows[1].ClassName, StringComparison.Ordinal);
        Assert.Equal(["primary · failed", "fallback · served"], trace.FindAll("[data-testid='attempt-role']").Select(c => c.TextContent.Trim()));
        Assert.Contains("fell back ×1", trace.Find("[data-testid='fell-back']").TextContent, StringComparison.Ordinal);
        Assert.Contains("support-chat · strategy ordered", trace.Find("[data-testid='route']").TextContent, StringComparison.Ordinal);
        Assert.Contains("support v3 (prod)", trace.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_UnknownCall_ShowsTheRefusal()
    {
        var trace = _context.Render<UsageTracePage>(p => p
            .Add(t => t.Id, Guid.NewGuid())
            .AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));

        trace.WaitForAssertion(() => Assert.Contains("No call with that id", trace.Find("[role='alert']").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<UsagePage> Render() =>
        _context.Render<UsagePage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));
}
