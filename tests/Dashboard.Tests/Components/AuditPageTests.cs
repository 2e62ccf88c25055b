using Bunit;
using Platform.Dashboard.Pages.Audit;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The audit page over a fake <c>IAuditOperations</c>: the server query, filters, and an entry's before/after diff.</summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeAuditOperations Audit => _context.Audit;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void OpenEntry_ShowsBeforeAndAfterSideBySide_MarksOnlyTheChangedFields()
    {
        Audit.Entries.Add(FakeAuditOperations.Entry("update", "api_key",
            """{"name":"svc","requestsPerMinute":60,"models":["a"]}""",
            """{"name":"svc","requestsPerMinute":120,"models":["a","b"],"expiresAt":"2026-06-01T00:00:00Z"}"""));
        var page = _context.Render<AuditPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Assert.Contains("svc", page.Find("tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid='audit-changes']"));

        page.Find("button[aria-label='Show changes of update api_key']").Click();

        var changes = page.WaitForElement("[data-testid='audit-changes']");
        var rows = changes.QuerySelectorAll("tr[data-field]").ToDictionary(r => r.GetAttribute("data-field")!);
        Assert.Equal(["name", "requestsPerMinute", "models", "expiresAt"], rows.Keys);
        Assert.Equal(["60", "120"], rows["requestsPerMinute"].QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal(["—", "2026-06-01T00:00:00Z"], rows["expiresAt"].QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal(["requestsPerMinute", "models", "expiresAt"], rows.Where(r => r.Value.ClassList.Contains("audit-changed")).Select(r => r.Key));
        Assert.DoesNotContain("(changed)", rows["name"].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HasNoBefore_EveryFieldIsNew()
    {
        Audit.Entries.Add(FakeAuditOperations.Entry("create", "invitation", null, """{"email":"new@acme.test","role":"admin"}"""));
        var page = _context.Render<AuditPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("owner")));
        page.WaitForAssertion(() => Assert.Contains("new@acme.test", page.Find("tbody tr").TextContent, StringComparison.Ordinal));

        page.Find("button[aria-label='Show changes of create invitation']").Click();

        var changes = page.WaitForElement("[data-testid='audit-changes']");
        Assert.Equal(2, changes.QuerySelectorAll("tr[data-field].audit-changed").Length);
    }

    [Fact]
    public void Filters_GoToTheOperation_FromPageOne()
    {
        var page = _context.Render<AuditPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));
        page.WaitForAssertion(() => Assert.Single(Audit.Queries));

        page.Find("input[data-testid='entity-type-filter']").Input("member");
        page.WaitForAssertion(() => Assert.Equal("member", Audit.Queries[^1].EntityType));
        page.Find("input[data-testid='actor-filter']").Input(" owner@acme ");

        page.WaitForAssertion(() => Assert.Equal(("member", "owner@acme", 1), (Audit.Queries[^1].EntityType, Audit.Queries[^1].Actor, Audit.Queries[^1].Page)));
    }

    [Fact]
    public void Viewer_IsToldTheLogIsForOwnersAndAdmins_AndNothingIsAsked()
    {
        var page = _context.Render<AuditPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));

        Assert.Single(page.FindAll("[data-testid='audit-not-allowed']"));
        Assert.Empty(Audit.Queries);
    }
}
