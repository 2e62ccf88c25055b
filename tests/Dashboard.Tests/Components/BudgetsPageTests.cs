using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Platform.Dashboard.Pages.Budgets;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>
/// The budgets page over fake operations: each budget's bar with its spend, the create/edit dialog's
/// validation (the shared validator, and the operation's refusals at their field), delete after
/// confirmation, the alert history's budget filter, the webhook secret shown once, and viewers read-only.
/// </summary>
public sealed class BudgetsPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeBudgetOperations Budgets => _context.Budgets;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void FirstRender_EachBudgetHasItsSettingsAndABarOfItsSpend()
    {
        Budgets.Budgets.Add(FakeBudgetOperations.Budget("support-daily", 10m, [50], "feature:support"));
        Budgets.Spent["support-daily"] = new(new DateTime(2026, 5, 20, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 21, 0, 0, 0, DateTimeKind.Utc),
            2.5m, new DateTime(2026, 5, 20, 18, 30, 0, DateTimeKind.Utc));

        var page = Render("admin");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='budget-progress']").Count));
        var query = Budgets.Queries[0];
        Assert.Equal((1, 10), (query.Page, query.PageSize));
        var monthly = Row(page, "monthly");
        Assert.Contains("$85.00 of $100.00 (85%)", monthly.TextContent, StringComparison.Ordinal);
        Assert.Equal("warning", monthly.QuerySelector("[data-testid='budget-progress']")!.GetAttribute("data-colour"));
        Assert.Contains("at 50%, 80%, 100%", monthly.TextContent, StringComparison.Ordinal);
        Assert.Contains("to finance@acme.test", monthly.TextContent, StringComparison.Ordinal);
        var support = Row(page, "support-daily");
        Assert.Contains("feature support", support.TextContent, StringComparison.Ordinal);
        Assert.Contains("limit is reached 2026-05-20 18:30 UTC", support.QuerySelector("[data-testid='forecast']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Viewer_SeesBudgetsButNoCreateEditDeleteOrRotate()
    {
        var page = Render("viewer");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='budget-progress']")));
        Assert.Empty(page.FindAll("[data-testid='create-budget']"));
        Assert.Empty(page.FindAll("button[aria-label^='Edit ']"));
        Assert.Empty(page.FindAll("button[aria-label^='Delete ']"));
        page.WaitForAssertion(() => Assert.Contains("A secret exists", page.Find("[data-testid='webhook-secret']").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid='rotate-webhook-secret']"));
    }

    [Fact]
    public void CreateForm_BadThresholdEmailAndWebhook_ShowTheSharedValidatorsMessagesAtTheirFields_AndCreateNothing()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("owner");
        page.WaitForAssertion(() => Assert.NotEmpty(Budgets.Queries));

        page.Find("[data-testid='create-budget']").Click();
        dialogs.WaitForElement("input[data-testid='budget-name']").Change("team-limit");
        dialogs.Find("input[data-testid='budget-limit']").Change("25");
        dialogs.Find("input[data-testid='budget-thresholds']").Change("50, 2000");
        dialogs.Find("input[data-testid='budget-emails']").Change("ops@acme.test, not-an-email");
        dialogs.Find("input[data-testid='budget-webhook']").Change("ftp://hooks.acme.test");
        dialogs.Find("[data-testid='budget-submit']").Click();

        // A field shows its first message: the per-threshold rule comes before the duplicate rule.
        dialogs.WaitForAssertion(() =>
            Assert.Contains("A threshold is a percentage from 1 to 1000.", FieldText(dialogs, "budget-thresholds"), StringComparison.Ordinal));
        Assert.Contains("'not-an-email' is not an email address.", FieldText(dialogs, "budget-emails"), StringComparison.Ordinal);
        Assert.Contains("absolute http or https URL", FieldText(dialogs, "budget-webhook"), StringComparison.Ordinal);
        Assert.Empty(Budgets.Created);
    }

    [Fact]
    public void CreateForm_LimitZero_ShowsTheMessageAtTheLimit()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.NotEmpty(Budgets.Queries));

        page.Find("[data-testid='create-budget']").Click();
        dialogs.WaitForElement("input[data-testid='budget-name']").Change("zero");
        dialogs.Find("[data-testid='budget-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("must be greater than '0'", FieldText(dialogs, "budget-limit"), StringComparison.Ordinal));
        Assert.Empty(Budgets.Created);
    }

    [Fact]
    public void CreateForm_KeyUnknownOnTheServer_ShowsTheErrorAtTheScopeField()
    {
        Budgets.OnCreate = _ => Failure.Invalid(nameof(BudgetInput.Scope), "There is no active API key named 'gone'.");
        var dialogs = _context.RenderProviders();
        var page = Render("owner");
        page.WaitForAssertion(() => Assert.NotEmpty(Budgets.Queries));

        page.Find("[data-testid='create-budget']").Click();
        dialogs.WaitForElement("input[data-testid='budget-name']").Change("key-limit");
        var kind = dialogs.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Applies to");
        dialogs.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(BudgetForm.Key));
        dialogs.WaitForElement("input[data-testid='budget-scope']").Change("gone");
        dialogs.Find("input[data-testid='budget-limit']").Change("5");
        dialogs.Find("[data-testid='budget-submit']").Click();

        dialogs.WaitForAssertion(() =>
            Assert.Contains("There is no active API key named 'gone'.", FieldText(dialogs, "budget-scope"), StringComparison.Ordinal));
        var sent = Assert.Single(Budgets.Created);
        Assert.Equal(("key:gone", 5m), (sent.Scope, sent.LimitUsd));
        Assert.Equal([50, 80, 100], sent.Thresholds);
    }

    [Fact]
    public void Create_Valid_SendsTheInputAndReloadsTheList()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.Single(Budgets.Queries));

        page.Find("[data-testid='create-budget']").Click();
        dialogs.WaitForElement("input[data-testid='budget-name']").Change("ops");
        dialogs.Find("input[data-testid='budget-limit']").Change("40");
        dialogs.Find("input[data-testid='budget-thresholds']").Change("75 90");
        dialogs.Find("input[data-testid='budget-emails']").Change("a@acme.test; b@acme.test");
        dialogs.Find("[data-testid='budget-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Budgets.Created));
        var input = Budgets.Created[0];
        Assert.Equal(("ops", "tenant", "month", 40m, "soft"), (input.Name, input.Scope, input.Period, input.LimitUsd, input.Action));
        Assert.Equal([75, 90], input.Thresholds);
        Assert.Equal(["a@acme.test", "b@acme.test"], input.AlertEmails);
        Assert.Null(input.AlertWebhookUrl);
        page.WaitForAssertion(() => Assert.True(Budgets.Queries.Count >= 2));
    }

    [Fact]
    public void Edit_SendsTheETagRead_AndTheChangedLimit()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("owner");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button[aria-label='Edit monthly']")));

        page.Find("button[aria-label='Edit monthly']").Click();
        Assert.Equal("monthly", dialogs.WaitForElement("input[data-testid='budget-name']").GetAttribute("value"));
        dialogs.Find("input[data-testid='budget-limit']").Change("150");
        dialogs.Find("[data-testid='budget-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Budgets.Updated));
        var (id, input, ifMatch) = Budgets.Updated[0];
        Assert.Equal(Budgets.Budgets[0].Id, id);
        Assert.Equal(150m, input.LimitUsd);
        Assert.Equal(FakeBudgetOperations.ETag, ifMatch);
    }

    [Fact]
    public void Delete_AfterConfirmation_CallsTheOperation_CancelDoesNot()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button[aria-label='Delete monthly']")));

        page.Find("button[aria-label='Delete monthly']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Empty(Budgets.Deleted);
        page.Find("button[aria-label='Delete monthly']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal(Budgets.Budgets[0].Id, Assert.Single(Budgets.Deleted)));
    }

    [Fact]
    public async Task AlertHistory_ListsDeliveries_AndFiltersByBudget()
    {
        var monthly = Budgets.Budgets[0];
        var other = Guid.NewGuid();
        _context.Alerts.Alerts.Add(FakeAlertOperations.Alert(monthly.Id, "monthly", 80, webhookStatus: "failed"));
        _context.Alerts.Alerts.Add(FakeAlertOperations.Alert(other, "other", 50));
        _context.RenderProviders();
        var page = Render("viewer");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='alert-history'] tbody tr").Count));
        Assert.Contains("failed", page.Find("[data-testid='alert-history']").TextContent, StringComparison.Ordinal);

        var filter = page.FindComponents<MudSelect<Guid?>>().Single(s => s.Instance.Label == "Budget");
        await page.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync(monthly.Id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='alert-history'] tbody tr")));
        Assert.Equal((monthly.Id, 1), (_context.Alerts.Queries[^1].BudgetId, _context.Alerts.Queries[^1].Page));
    }

    [Fact]
    public void RotateSecret_AfterConfirmation_ShowsItOnce_AndNothingHoldsItAfterDone()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("owner");
        page.WaitForElement("[data-testid='rotate-webhook-secret']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Rotate").Click();

        var shown = dialogs.WaitForElement("input[data-testid='webhook-secret-value']").GetAttribute("value");
        dialogs.Find("[data-testid='webhook-secret-done']").Click();

        Assert.Equal(FakeAlertOperations.Secret, shown);
        Assert.Equal(1, _context.Alerts.Rotations);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain(FakeAlertOperations.Secret, dialogs.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(FakeAlertOperations.Secret, page.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<BudgetsPage> Render(string role) =>
        _context.Render<BudgetsPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole(role)));

    private static IElement Row(IRenderedComponent<BudgetsPage> page, string name) =>
        page.FindAll("tbody tr").Single(r => r.QuerySelector("b")?.TextContent == name);

    /// <summary>The text of the field around the input, where MudBlazor shows its errors.</summary>
    private static string FieldText(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"[data-testid='{testId}']").Closest(".mud-input-control")!.TextContent;
}
