using Bunit;
using MudBlazor;
using Platform.Dashboard.Pages.Finance;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The finance page over a fake <c>IFinanceOperations</c>: the rows and total, the group-by, the export link, the roles without Export.</summary>
public sealed class FinancePageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeFinanceOperations Finance => _context.Finance;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task GroupBy_Changed_CallsTheOperationWithTheNewBy_AndRendersItsRows()
    {
        _context.RenderProviders();
        var page = Render("owner");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='spend'] tbody tr").Count));
        var first = Assert.Single(Finance.Calls);
        var month = new DateTime(FixedTime.Noon.Year, FixedTime.Noon.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal((month, month.AddMonths(1), "feature"), first);
        Assert.Contains("feature-a", page.Markup, StringComparison.Ordinal);
        Assert.Equal("$1.75", page.Find("[data-testid='total-cost']").TextContent.Trim());

        var groupBy = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Group by");
        await page.InvokeAsync(() => groupBy.Instance.ValueChanged.InvokeAsync("model"));

        page.WaitForAssertion(() => Assert.Equal("model", Finance.Calls[^1].By));
        page.WaitForAssertion(() => Assert.Contains("model-b", page.Markup, StringComparison.Ordinal));
        Assert.Contains("by=model&amp;format=csv", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Viewer_SeesAMessage_AndNoSpend()
    {
        var page = Render("viewer");

        Assert.NotNull(page.Find("[data-testid='no-export']"));
        Assert.Empty(Finance.Calls);
        Assert.Empty(page.FindAll("[data-testid='export-csv']"));
    }

    [Fact]
    public void Owner_SeesBillingStatusAndTheInvoicesPage()
    {
        var page = Render("owner");

        page.WaitForAssertion(() => Assert.Contains("ACME-0001", page.Find("[data-testid='invoices']").TextContent, StringComparison.Ordinal));
        var status = page.Find("[data-testid='billing-status']").TextContent;
        Assert.Contains("standard (20% markup)", status, StringComparison.Ordinal);
        Assert.Contains("cus_test_acme", status, StringComparison.Ordinal);
        Assert.Equal("active", page.Find("[data-testid='billing-state']").TextContent.Trim());
        var row = page.Find("[data-testid='invoices'] tbody tr");
        Assert.Contains("2026-04-01 to 2026-05-01", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("$12.34", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://invoice.stripe.test/i/in_test_1", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal((1, 10), Assert.Single(_context.Billing.InvoicePages));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("viewer")]
    public void WithoutBillingRights_NoInvoicesSection_AndNoBillingCall(string role)
    {
        var page = Render(role);

        Assert.Empty(page.FindAll("[data-testid='invoices']"));
        Assert.Empty(page.FindAll("[data-testid='billing-status']"));
        Assert.Empty(_context.Billing.InvoicePages);
    }

    private IRenderedComponent<FinancePage> Render(string role) =>
        _context.Render<FinancePage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole(role)));
}
