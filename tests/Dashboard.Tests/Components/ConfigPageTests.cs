using Bunit;
using Platform.Dashboard.Pages.Config;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The config page over a fake <c>IConfigOperations</c>: the export, the preview diff per object and field, apply after confirmation, file errors, roles.</summary>
public sealed class ConfigPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeConfigOperations Config => _context.Config;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Viewer_SeesTheExport_ButNoEditorPreviewOrApply()
    {
        var page = RenderPage("viewer");

        page.WaitForAssertion(() => Assert.Equal(Config.Yaml, page.Find("[data-testid='config-export']").TextContent));
        Assert.StartsWith("data:text/yaml;charset=utf-8;base64,", page.Find("[data-testid='config-download']").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid='config-preview']"));
        Assert.Empty(page.FindAll("[data-testid='config-apply']"));
    }

    [Fact]
    public void Preview_ShowsAddedChangedAndRemovedPerObject_FieldByField()
    {
        Config.OnPreview = _ => Outcome.Ok(new ConfigChangesView(false,
        [
            "create route acme/support",
            "update fallback policy acme/interactive: maxRetries 1 -> 2, retryOn [timeout] -> [timeout, connection]",
            "delete tier acme/cheap",
            "add label acme/greet production -> 1",
        ], []));
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-testid='config-export']").TextContent));

        page.Find("[data-testid='config-copy-export']").Click();
        page.Find("[data-testid='config-preview']").Click();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid='config-change']").Count));
        Assert.Equal(Config.Yaml, Assert.Single(Config.Previewed));
        var changes = page.FindAll("[data-testid='config-change']");
        Assert.Equal(["create", "update", "delete", "add"], changes.Select(c => c.GetAttribute("data-action")));
        Assert.Equal(["route", "fallback policy", "tier", ""], changes.Select(c => c.GetAttribute("data-kind")));
        Assert.Contains("added", changes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("removed", changes[2].TextContent, StringComparison.Ordinal);
        var fields = changes[1].QuerySelectorAll("[data-testid='config-field-change']");
        Assert.Equal(["maxRetries", "retryOn"], fields.Select(f => f.GetAttribute("data-field")));
        Assert.Equal("retryOn: [timeout] → [timeout, connection]", fields[1].TextContent.Trim());
        Assert.Contains("add label acme/greet production -> 1", changes[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("4 changes would be made", page.Find("[data-testid='config-preview-summary']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AfterConfirmationNamingTheCount_ShowsTheNewVersion_EditingAfterPreviewNeedsANewPreview()
    {
        Config.OnPreview = _ => Outcome.Ok(new ConfigChangesView(false, ["create route acme/support", "delete tier acme/cheap"], []));
        Config.OnApply = _ => Outcome.Ok(new ConfigApplied(new ConfigChangesView(true, ["create route acme/support", "delete tier acme/cheap"], []), 42));
        var dialogs = _context.RenderProviders();
        var page = RenderPage("owner");
        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-testid='config-export']").TextContent));

        page.Find("textarea").Input("version: 1\n");
        page.Find("[data-testid='config-preview']").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='config-change']").Count));
        page.Find("textarea").Input("version: 1\n# edited\n");
        Assert.True(page.Find("[data-testid='config-apply']").HasAttribute("disabled"));
        page.Find("[data-testid='config-preview']").Click();
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid='config-apply']").HasAttribute("disabled")));

        page.Find("[data-testid='config-apply']").Click();
        var confirm = dialogs.WaitForElement(".mud-message-box");
        Assert.Contains("Apply 2 changes?", confirm.TextContent, StringComparison.Ordinal);
        confirm.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Apply").Click();

        page.WaitForAssertion(() => Assert.Contains("config version 42", page.Find("[data-testid='config-applied']").TextContent, StringComparison.Ordinal));
        Assert.Equal(["version: 1\n# edited\n"], Config.Applied);
    }

    [Fact]
    public void FileErrors_AreListedWithTheirLineAndColumn()
    {
        Config.OnPreview = _ => Failure.Invalid(new Dictionary<string, string[]>
        {
            ["config.yaml:8:13"] = ["'fortnight' is not a valid period (day, week, month)."],
            ["config.yaml:9:13"] = ["Action 'downgrade' needs a 'downgradeTier'."],
        });
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-testid='config-export']").TextContent));

        page.Find("textarea").Input("version: 1\n");
        page.Find("[data-testid='config-preview']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='config-file-error']").Count));
        Assert.Equal("config.yaml:8:13: 'fortnight' is not a valid period (day, week, month).", page.FindAll("[data-testid='config-file-error']")[0].TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid='config-change']"));
    }

    private IRenderedComponent<ConfigPage> RenderPage(string role) =>
        _context.Render<ConfigPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole(role)));
}
