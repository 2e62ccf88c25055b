using Bunit;
using Platform.Dashboard.Components;
using Platform.Dashboard.Pages.Prompts;
using Platform.Shared.Management;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The prompt page over a fake <c>IPromptOperations</c>: the side-by-side diff, confirmed label moves, the version form's validation, roles.</summary>
public sealed class PromptPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakePromptOperations Prompts => _context.Prompts;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void DiffView_SameLinesOnBothSides_RemovedLeftBesideAddedRight()
    {
        var view = _context.Render<DiffView>(p => p
            .Add(d => d.Lines, Prompts.DiffLines)
            .Add(d => d.FromTitle, "v1")
            .Add(d => d.ToTitle, "v2"));

        var rows = view.FindAll(".diff-row:not(.diff-head)");
        Assert.Equal(2, rows.Count);
        Assert.Equal(("same", "same"), (Kind(rows[0], "left"), Kind(rows[0], "right")));
        Assert.Equal(("removed", "added"), (Kind(rows[1], "left"), Kind(rows[1], "right")));
        Assert.Contains("Hi {{name}}", rows[1].QuerySelector("[data-side='left']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hello {{name}}", rows[1].QuerySelector("[data-side='right']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Pair_MoreRemovedThanAdded_LeavesTheRightSideBlank()
    {
        var rows = DiffRow.Pair(
        [
            new(DiffKind.Removed, "a", 1, null),
            new(DiffKind.Removed, "b", 2, null),
            new(DiffKind.Added, "c", null, 1),
            new(DiffKind.Same, "d", 3, 2),
            new(DiffKind.Added, "e", null, 3),
        ]);

        Assert.Equal(4, rows.Count);
        Assert.Equal(("a", "c"), (rows[0].Left!.Text, rows[0].Right!.Text));
        Assert.Equal("b", rows[1].Left!.Text);
        Assert.Null(rows[1].Right);
        Assert.Same(rows[2].Left, rows[2].Right);
        Assert.Null(rows[3].Left);
        Assert.Equal("e", rows[3].Right!.Text);
    }

    [Fact]
    public void RollBack_AsksFirst_CancelLeavesTheLabel_ConfirmMovesIt()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("owner");
        page.WaitForAssertion(() => Assert.NotNull(Button(page, "Roll back production to v1")));

        Button(page, "Roll back production to v1")!.Click();
        var box = dialogs.WaitForElement(".mud-message-box");
        Assert.Contains("Roll back 'production' from v2 to v1?", dialogs.Markup, StringComparison.Ordinal);
        box.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Empty(Prompts.LabelsSet);

        Button(page, "Roll back production to v1")!.Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Roll back").Click();

        page.WaitForAssertion(() => Assert.Equal(("production", 1), Assert.Single(Prompts.LabelsSet)));
    }

    [Fact]
    public void Promote_AsksFirst_ThenPointsTheLabelAtTheLatest()
    {
        Prompts.Production = 1;
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.NotNull(Button(page, "Promote production to v2")));

        Button(page, "Promote production to v2")!.Click();
        Assert.Empty(Prompts.LabelsSet);
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Promote").Click();

        page.WaitForAssertion(() => Assert.Equal(("production", 2), Assert.Single(Prompts.LabelsSet)));
    }

    [Fact]
    public void Viewer_SeesLabelsHistoryAndCalls_ButNoMovesOrNewVersion()
    {
        var page = RenderPage("viewer");

        page.WaitForAssertion(() => Assert.Contains("1,234", page.Markup, StringComparison.Ordinal));
        Assert.Contains("user:owner@acme.test", page.Markup, StringComparison.Ordinal);
        Assert.Null(Button(page, "Roll back production to v1"));
        Assert.Null(Button(page, "New version"));
    }

    [Fact]
    public void NewVersion_EmptyContentAndBadParameters_ShowErrors_AndCreateNothing()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.NotNull(Button(page, "New version")));
        Button(page, "New version")!.Click();

        dialogs.WaitForElement("[data-testid='message-content-1']").Change("");
        dialogs.Find("[data-testid='version-parameters']").Change("{ temperature: hot");
        dialogs.Find("[data-testid='create-version-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Message 1: ", dialogs.Find("[data-testid='version-errors']").TextContent, StringComparison.Ordinal));
        Assert.Contains("Parameters must be a JSON object.", dialogs.Markup, StringComparison.Ordinal);
        Assert.Empty(Prompts.VersionsCreated);
    }

    [Fact]
    public void NewVersion_UndeclaredVariable_IsRefusedAtTheVariablesField()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.NotNull(Button(page, "New version")));
        Button(page, "New version")!.Click();

        dialogs.WaitForElement("[data-testid='message-content-1']").Change("Hello {{name}} from {{city}}");
        dialogs.Find("[data-testid='create-version-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("which 'variables' does not list", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Prompts.VersionsCreated);
    }

    [Fact]
    public void NewVersion_Valid_CreatesItFromTheEditedCopyOfTheLatest()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.NotNull(Button(page, "New version")));
        Button(page, "New version")!.Click();

        dialogs.WaitForElement("[data-testid='message-content-1']").Change("Good morning {{name}}");
        dialogs.Find("[data-testid='version-parameters']").Change("{ \"temperature\": 0.2 }");
        dialogs.Find("[data-testid='create-version-submit']").Click();

        page.WaitForAssertion(() => Assert.Single(Prompts.VersionsCreated));
        var input = Prompts.VersionsCreated[0];
        Assert.Equal(("user", "Good morning {{name}}"), (input.Messages[0].Role, input.Messages[0].Content));
        Assert.Equal(["name"], input.Variables);
        Assert.Equal(0.2, input.Parameters!.Value.GetProperty("temperature").GetDouble());
    }

    private IRenderedComponent<PromptPage> RenderPage(string role) =>
        _context.Render<PromptPage>(p => p
            .Add(x => x.Id, FakePromptOperations.Id)
            .AddCascadingValue(DashboardTestContext.UserWithRole(role)));

    private static AngleSharp.Dom.IElement? Button(IRenderedComponent<PromptPage> page, string text) =>
        page.FindAll("button").FirstOrDefault(b => b.TextContent.Trim() == text);

    private static string? Kind(AngleSharp.Dom.IElement row, string side) =>
        row.QuerySelector($"[data-side='{side}']")?.GetAttribute("data-kind");
}
