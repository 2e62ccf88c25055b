using Bunit;
using Platform.Dashboard.Pages.FallbackPolicies;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The fallback policies page over a fake <c>IFallbackPolicyOperations</c>: the matrix as stored, the dialog's validation and matrix editing, delete refused while used, roles.</summary>
public sealed class FallbackPoliciesPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeFallbackPolicyOperations Policies => _context.FallbackPolicies;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Matrix_ShowsEachErrorClassAsStored_WithTheInvariants()
    {
        var page = RenderPage("viewer");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='policy']").Count));
        var interactive = page.Find("[data-testid='policy'][data-name='interactive']");
        Assert.Equal(
            ["timeout", "connection", "rate_limited", "server_error", "overloaded", "context_length", "content_filter", "bad_request", "auth", "malformed_response", "stream_broken"],
            interactive.QuerySelectorAll("[data-testid='matrix-row']").Select(r => r.GetAttribute("data-class")));

        // Columns: retry, fall back, larger-context model only, return to caller.
        Assert.Equal([true, true, false, false], Marks(interactive, "timeout"));
        Assert.Equal([true, false, false, true], Marks(interactive, "rate_limited"));
        Assert.Equal([false, true, false, false], Marks(interactive, "server_error"));
        Assert.Equal([false, false, true, false], Marks(interactive, "context_length"));
        Assert.Equal([false, false, false, true], Marks(interactive, "connection"));
        Assert.Contains("always", Row(interactive, "bad_request").TextContent, StringComparison.Ordinal);
        Assert.Contains("Used by routes chat, support.", interactive.QuerySelector("[data-testid='policy-routes']")!.TextContent, StringComparison.Ordinal);

        var batch = page.Find("[data-testid='policy'][data-name='batch']");
        Assert.Equal([true, false, false, true], Marks(batch, "auth"));
        Assert.Contains("ignored: never retried", Row(batch, "auth").TextContent, StringComparison.Ordinal);
        Assert.Contains("Used by no route.", batch.TextContent, StringComparison.Ordinal);
        Assert.Contains("30 s", batch.QuerySelector("[data-testid='policy-settings']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Viewer_SeesNoCreateEditOrDelete()
    {
        var page = RenderPage("viewer");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='policy']").Count));
        Assert.Empty(page.FindAll("[data-testid='create-policy']"));
        Assert.Empty(page.FindAll("button[aria-label^='Edit ']"));
        Assert.Empty(page.FindAll("button[aria-label^='Delete ']"));
    }

    [Fact]
    public void Dialog_SharedValidatorErrors_ShowAtTheirFields_AndNothingIsSaved()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='policy']").Count));
        page.Find("[data-testid='create-policy']").Click();
        dialogs.WaitForElement("input[data-testid='policy-name']").Change("bad name!");

        dialogs.Find("input[data-testid='policy-per-attempt']").Change("90000");
        dialogs.Find("input[data-testid='policy-failure-ratio']").Change("1.5");
        dialogs.Find("[data-testid='policy-submit']").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("'perAttemptTimeoutMs' cannot exceed 'overallDeadlineMs'.", FieldText(dialogs, "policy-per-attempt"), StringComparison.Ordinal);
            Assert.Contains("Fallback policy name may use only", FieldText(dialogs, "policy-name"), StringComparison.Ordinal);
            Assert.Contains("between 0 and 1", FieldText(dialogs, "policy-failure-ratio"), StringComparison.Ordinal);
        });
        Assert.Empty(Policies.Saved);
    }

    [Fact]
    public void Dialog_EditingAMatrixRow_SendsTheListsAsEdited_WithTheETagRead()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("owner");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='policy']").Count));

        page.Find("button[aria-label='Edit interactive']").Click();
        dialogs.WaitForElement("input[data-testid='policy-name']");
        Choice(dialogs, "connection", "RetryThenFallBack").Click();
        Choice(dialogs, "timeout", "ReturnToCaller").Click();
        dialogs.Find("[data-testid='policy-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Policies.Saved));
        var (id, input, ifMatch) = Policies.Saved[0];
        Assert.Equal(Policies.Policies[0].Id, id);
        Assert.Equal("\"v1\"", ifMatch);
        Assert.Equal(["connection", "rate_limited"], input.RetryOn);
        Assert.Equal(["connection", "server_error", "context_length"], input.FallbackOn);
    }

    [Fact]
    public void Dialog_NeverRetriedClass_OffersNoRetryChoice()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("owner");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='policy']").Count));

        page.Find("button[aria-label='Edit interactive']").Click();
        dialogs.WaitForElement("input[data-testid='policy-name']");

        Assert.True(Choice(dialogs, "context_length", "Retry").HasAttribute("disabled"));
        Assert.False(Choice(dialogs, "context_length", "FallBack").HasAttribute("disabled"));
        Assert.Contains("Larger-context model only", dialogs.Find("[data-testid='matrix-editor-row'][data-class='context_length']").TextContent, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-testid='matrix-editor-row'][data-class='bad_request'] input"));
    }

    [Fact]
    public void Delete_WhileRoutesUseIt_SaysWhichAndDoesNotCall_UnusedIsDeletedAfterConfirmation()
    {
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='policy']").Count));

        page.Find("button[aria-label='Delete interactive']").Click();
        var refusal = dialogs.WaitForElement(".mud-message-box");
        Assert.Contains("chat, support", refusal.TextContent, StringComparison.Ordinal);
        refusal.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "OK").Click();
        Assert.Empty(Policies.Deleted);

        page.Find("button[aria-label='Delete batch']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal([Policies.Policies[1].Id], Policies.Deleted));
    }

    [Fact]
    public void Delete_RefusedByTheOperation_ShowsItsReason()
    {
        Policies.OnDelete = _ => Failure.Conflict("Fallback policy 'batch' is still used by routes 'late'; change those first.");
        var dialogs = _context.RenderProviders();
        var page = RenderPage("admin");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='policy']").Count));

        page.Find("button[aria-label='Delete batch']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains("still used by routes 'late'", page.Find("[data-testid='policy-error']").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<FallbackPoliciesPage> RenderPage(string role) =>
        _context.Render<FallbackPoliciesPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole(role)));

    private static AngleSharp.Dom.IElement Row(AngleSharp.Dom.IElement policy, string errorClass) =>
        policy.QuerySelector($"[data-testid='matrix-row'][data-class='{errorClass}']")!;

    private static bool[] Marks(AngleSharp.Dom.IElement policy, string errorClass) =>
        [.. Row(policy, errorClass).QuerySelectorAll("[data-on]").Select(m => m.GetAttribute("data-on") == "true")];

    private static AngleSharp.Dom.IElement Choice(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string errorClass, string choice) =>
        dialogs.Find($"[data-testid='matrix-editor-row'][data-class='{errorClass}'] input[type='radio'][data-choice='{choice}']");

    private static string FieldText(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid='{testId}']").Closest(".mud-input-control")!.TextContent;
}
