using Bunit;
using Platform.Dashboard.Pages.Routes;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The routes page over a fake <c>IRouteOperations</c>: the chain drawn, the chain editor, server field errors, the dry run, roles.</summary>
public sealed class RoutesPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeRouteOperations Routes => _context.Routes;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void FirstRender_DrawsEachChainInOrder_AndATiersRouteAsItsTier()
    {
        var page = RenderPage("viewer");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        var chain = page.FindAll("[data-testid='chain-candidate']").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["1. openai/gpt-4o", "2. anthropic/claude"], chain);
        Assert.Contains("tier: cheap", page.Markup, StringComparison.Ordinal);
        Assert.Equal("eu · streaming, tools · $2.5/$10 per M · customer-facing", Assert.Single(page.FindAll("[data-testid='chain-facts']")).TextContent.Trim());
        Assert.Equal((1, 25), (Routes.Queries[0].Page, Routes.Queries[0].PageSize));
    }

    [Fact]
    public void Viewer_SeesNoCreateEditOrDelete_ButMayDryRun()
    {
        var page = RenderPage("viewer");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Empty(page.FindAll("[data-testid='create-route']"));
        Assert.Empty(page.FindAll("button[aria-label^='Delete ']"));
        Assert.Equal(2, page.FindAll("button[aria-label^='Dry run ']").Count);
    }

    [Fact]
    public void ChainEditor_AddReorderRemove_SendsTheCandidatesInTheEditedOrder()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        OpenCreate(page, dialogs);

        dialogs.Find("input[data-testid='route-name']").Change("support");
        dialogs.FindAll("input[data-testid='candidate-model']")[0].Input("openai/a");
        dialogs.Find("[data-testid='add-candidate']").Click();
        dialogs.FindAll("input[data-testid='candidate-model']")[1].Input("openai/b");
        dialogs.Find("[data-testid='add-candidate']").Click();
        dialogs.FindAll("input[data-testid='candidate-model']")[2].Input("openai/c");
        dialogs.Find("button[aria-label='Move model 3 up']").Click();
        dialogs.Find("button[aria-label='Remove model 1']").Click();
        dialogs.Find("[data-testid='route-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Routes.Created));
        var sent = Routes.Created[0];
        Assert.Equal(["openai/c", "openai/b"], sent.Candidates.Select(c => c.Model));
        Assert.Null(sent.Tier);
    }

    [Fact]
    public void ChainEditor_NoCandidates_ShowsTheExactlyOneOfRule_AndCreatesNothing()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        OpenCreate(page, dialogs);

        dialogs.Find("input[data-testid='route-name']").Change("support");
        dialogs.Find("button[aria-label='Remove model 1']").Click();
        dialogs.Find("[data-testid='route-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains(
            "A route needs exactly one of 'tier' or 'candidates'.", dialogs.Find("[data-testid='candidates-error']").TextContent, StringComparison.Ordinal));
        Assert.Empty(Routes.Created);
    }

    [Fact]
    public void ChainEditor_NotAConcreteModelName_ShowsTheMessageOnThatRow()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        OpenCreate(page, dialogs);

        dialogs.Find("input[data-testid='route-name']").Change("support");
        dialogs.FindAll("input[data-testid='candidate-model']")[0].Input("gpt");
        dialogs.Find("[data-testid='route-submit']").Click();

        dialogs.WaitForAssertion(() =>
            Assert.Contains("'gpt' is not a concrete model name", RowText(dialogs, 0), StringComparison.Ordinal));
        Assert.Empty(Routes.Created);
    }

    [Fact]
    public void RouteForm_ServerFieldErrors_ShowAtTheirFields()
    {
        // As the operation answers: the API's camelCase paths from the whole-route checks.
        Routes.OnCreate = _ => Failure.Invalid(new Dictionary<string, string[]>
        {
            ["candidates[0].model"] = ["No model named 'openai/nope' in the catalog."],
            ["fallbackPolicy"] = ["No fallback policy named 'missing'."],
            ["constraints.region"] = ["No candidate is in region 'eu'."],
        });
        var dialogs = _context.RenderProviders();
        var page = RenderPage("owner");
        OpenCreate(page, dialogs);

        dialogs.Find("input[data-testid='route-name']").Change("support");
        dialogs.FindAll("input[data-testid='candidate-model']")[0].Input("openai/nope");
        dialogs.Find("input[data-testid='route-policy']").Change("missing");
        dialogs.Find("input[data-testid='route-region']").Change("eu");
        dialogs.Find("[data-testid='route-submit']").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("No model named 'openai/nope' in the catalog.", RowText(dialogs, 0), StringComparison.Ordinal);
            Assert.Contains("No fallback policy named 'missing'.", FieldText(dialogs, "route-policy"), StringComparison.Ordinal);
            Assert.Contains("No candidate is in region 'eu'.", FieldText(dialogs, "route-region"), StringComparison.Ordinal);
        });
        Assert.Single(Routes.Created);
    }

    [Fact]
    public void DryRunPanel_ShowsEligibleAndExcludedCandidates_WithOrderAndReasons()
    {
        var page = RenderPage("viewer");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Dry run chat']").Click();
        page.Find("[data-testid='dryrun-run']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='dryrun-candidate']").Count));
        Assert.Equal("route:chat", Assert.Single(Routes.DryRuns).Model);
        var rows = page.FindAll("[data-testid='dryrun-candidate']");
        Assert.Equal("false", rows[0].GetAttribute("data-eligible"));
        Assert.Contains("does not support tools", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("true", rows[1].GetAttribute("data-eligible"));
        Assert.StartsWith("1", rows[1].QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("would try anthropic/claude", page.Find("[data-testid='dryrun-summary']").TextContent, StringComparison.Ordinal);
        Assert.Contains("tried in priority order", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRunPanel_UnknownRoute_ShowsTheOperationsDetail()
    {
        Routes.OnDryRun = _ => new Failure(OutcomeStatus.NotFound, "Route 'nope' does not exist.", new Dictionary<string, string[]>());
        var page = RenderPage("viewer");

        page.Find("input[data-testid='dryrun-model']").Change("route:nope");
        page.Find("[data-testid='dryrun-run']").Click();

        page.WaitForAssertion(() => Assert.Contains("Route 'nope' does not exist.", page.Find("[data-testid='dryrun-error']").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Edit_SendsTheETagRead()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Edit chat']").Click();
        Assert.Equal("chat", dialogs.WaitForElement("input[data-testid='route-name']").GetAttribute("value"));
        dialogs.Find("[data-testid='route-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Routes.Created));
        Assert.Equal([FakeRouteOperations.ETag], Routes.IfMatches);
    }

    [Fact]
    public void Delete_AfterConfirmation_CallsTheOperation_CancelDoesNot()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Delete chat']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Empty(Routes.Deleted);
        page.Find("button[aria-label='Delete summaries']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal([Routes.Routes[1].Id], Routes.Deleted));
    }

    private IRenderedComponent<RoutesPage> RenderPage(string role) =>
        _context.Render<RoutesPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole(role)));

    private void OpenCreate(IRenderedComponent<RoutesPage> page, IRenderedComponent<MudBlazor.MudDialogProvider> dialogs)
    {
        page.WaitForAssertion(() => Assert.Single(Routes.Queries));
        page.Find("[data-testid='create-route']").Click();
        dialogs.WaitForElement("input[data-testid='route-name']");
    }

    private static string RowText(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, int row) =>
        dialogs.FindAll("[data-testid='candidate-row']")[row].TextContent;

    private static string FieldText(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid='{testId}']").Closest(".mud-input-control")!.TextContent;
}
