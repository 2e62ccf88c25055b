using AngleSharp.Dom;
using Bunit;
using Platform.Dashboard.Pages.Keys;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The keys page over a fake <c>IApiKeyOperations</c>: paging, filters, the create form's validation, the secret shown once, roles.</summary>
public sealed class KeysPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeApiKeyOperations Keys => _context.Keys;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void FirstRender_AsksForPageOneOf25_AndListsTheRows()
    {
        Keys.Total = 3;

        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        var query = Assert.Single(Keys.Queries);
        Assert.Equal((1, 25, null, null), (query.Page, query.PageSize, query.Name, query.Status));
        Assert.Contains("key-002", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void NextPage_CallsTheOperationWithPageTwo()
    {
        Keys.Total = 60;
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));
        page.WaitForAssertion(() => Assert.Single(Keys.Queries));

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, Keys.Queries.Count));
        Assert.Equal((2, 25), (Keys.Queries[1].Page, Keys.Queries[1].PageSize));
        page.WaitForAssertion(() => Assert.Contains("key-025", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void NameFilter_OnPageTwo_ReloadsPageOneWithTheFilter()
    {
        Keys.Total = 60;
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));
        page.WaitForAssertion(() => Assert.Single(Keys.Queries));
        page.Find("button[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Equal(2, Keys.Queries.Count));

        page.Find("input[data-testid='name-filter']").Input("svc");

        page.WaitForAssertion(() => Assert.Equal("svc", Keys.Queries[^1].Name));
        Assert.Equal(1, Keys.Queries[^1].Page);
    }

    [Fact]
    public void Viewer_SeesTheListButNoCreateRotateOrRevoke()
    {
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        Assert.Empty(page.FindAll("[data-testid='create-key']"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Revoke", StringComparison.Ordinal)
            || b.TextContent.Contains("Rotate", StringComparison.Ordinal));
    }

    [Fact]
    public void Admin_SeesCreateAndRowActions()
    {
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        Assert.Single(page.FindAll("[data-testid='create-key']"));
        Assert.Equal(3, page.FindAll("button[aria-label^='Revoke ']").Count);
    }

    [Fact]
    public void CreateForm_InvalidName_ShowsTheSharedValidatorsMessage_AndCreatesNothing()
    {
        var dialogs = _context.RenderProviders();
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));
        page.WaitForAssertion(() => Assert.Single(Keys.Queries));

        page.Find("[data-testid='create-key']").Click();
        dialogs.WaitForElement("input[data-testid='key-name']").Change("!not a name");
        dialogs.Find("[data-testid='create-key-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Name may use letters, digits", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Keys.Created);
    }

    [Fact]
    public void CreateForm_LimitBelowOne_ShowsTheMessageAtThatField()
    {
        var dialogs = _context.RenderProviders();
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));
        page.WaitForAssertion(() => Assert.Single(Keys.Queries));

        page.Find("[data-testid='create-key']").Click();
        dialogs.WaitForElement("input[data-testid='key-name']").Change("svc");
        var limit = dialogs.FindAll("input").Single(i => Label(dialogs, i) == "Requests per minute");
        limit.Change("0");
        dialogs.Find("[data-testid='create-key-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("must be greater than '0'", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Keys.Created);
    }

    [Fact]
    public void CreateForm_NameTakenOnTheServer_ShowsTheErrorAtTheNameField()
    {
        Keys.OnCreate = input => Failure.Conflict($"An API key named '{input.Name}' already exists.", "Name");
        var dialogs = _context.RenderProviders();
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("owner")));
        page.WaitForAssertion(() => Assert.Single(Keys.Queries));

        page.Find("[data-testid='create-key']").Click();
        dialogs.WaitForElement("input[data-testid='key-name']").Change("app");
        dialogs.Find("[data-testid='create-key-submit']").Click();

        dialogs.WaitForAssertion(() =>
        {
            var nameField = dialogs.Find("[data-testid='key-name']").Closest(".mud-input-control")!;
            Assert.Contains("An API key named 'app' already exists.", nameField.TextContent, StringComparison.Ordinal);
        });
        Assert.Single(Keys.Created);
    }

    [Fact]
    public void Create_ShowsTheSecretOnce_AndNothingHoldsItAfterDone()
    {
        var dialogs = _context.RenderProviders();
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));
        page.WaitForAssertion(() => Assert.Single(Keys.Queries));

        page.Find("[data-testid='create-key']").Click();
        dialogs.WaitForElement("input[data-testid='key-name']").Change("svc-new");
        dialogs.Find("[data-testid='create-key-submit']").Click();
        var secret = dialogs.WaitForElement("input[data-testid='secret-value']");
        var shown = secret.GetAttribute("value");
        dialogs.Find("[data-testid='secret-done']").Click();

        Assert.Equal(FakeApiKeyOperations.Secret, shown);
        Assert.Equal("svc-new", Assert.Single(Keys.Created).Name);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain(FakeApiKeyOperations.Secret, dialogs.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(FakeApiKeyOperations.Secret, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoke_AfterConfirmation_CallsTheOperation_CancelDoesNot()
    {
        var dialogs = _context.RenderProviders();
        var page = _context.Render<KeysPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Revoke key-000']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        page.Find("button[aria-label='Revoke key-001']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => Assert.Single(Keys.Revoked));
    }

    private static string? Label(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, IElement input) =>
        input.Id is { Length: > 0 } id && dialogs.FindAll($"label[for='{id}']") is { Count: > 0 } labels ? labels[0].TextContent.Trim() : null;
}
