using Microsoft.Playwright;
using Platform.Shared.Domain;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>The finance page in real headless Chromium: this month's spend by feature, the CSV the export link downloads with the session cookie, and the invoices owners see.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed class FinancePageEndToEndTests(DashboardHost host)
{
    [Fact]
    public async Task Owner_ThisMonth_TableShowsTheSpend_ExportCsvDownloadsIt()
    {
        var slug = await host.CreateTenantAsync();
        var now = DateTime.UtcNow;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        await using (var db = await host.TenantDbAsync(slug))
        {
            db.UsageEvents.AddRange(
                Call(hour, "support", 1_250_000_000),
                Call(hour, "search", 500_000_000));
            await db.SaveChangesAsync();
        }

        foreach (var (device, width, height) in new[] { ("desktop", 1280, 800), ("mobile", 390, 844) })
        {
            await using var context = await host.NewContextAsync(width, height);
            var page = await context.NewPageAsync();
            await BrowserSteps.SignInAsync(page, "/finance", $"owner@{slug}.test");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Finance" })).ToBeVisibleAsync();
            await BrowserSteps.WaitInteractiveAsync(page);

            await page.Locator(".mud-select").Filter(new() { HasText = "Period" }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "This month" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "support" })).ToContainTextAsync("$1.25");
            await Expect(page.GetByTestId("total-cost")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("total-cost")).ToHaveTextAsync("$1.75");
            await new Screenshots(device).TakeAsync(page, "finance");
            var (scrollWidth, innerWidth) = await BrowserSteps.WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"{device}: /finance is {scrollWidth}px wide in a {innerWidth}px viewport");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
            var path = await download.PathAsync();
            var lines = await File.ReadAllLinesAsync(path);
            Assert.Equal("row,feature,periodStart,periodEnd,requests,errors,inputTokens,outputTokens,cachedTokens,costUsd,costNanoUsd", lines[0]);
            var total = Assert.Single(lines, l => l.StartsWith("total,", StringComparison.Ordinal));
            Assert.Contains("1.750000000", total, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Owner_SeesTheMirroredInvoice_ViewerSeesNoInvoices()
    {
        var slug = await host.CreateTenantAsync();
        var month = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var number = "E2E-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var db = await host.TenantDbAsync(slug))
        {
            db.Invoices.Add(new Invoice
            {
                StripeInvoiceId = "in_" + Guid.NewGuid().ToString("N"),
                Number = number,
                Status = "paid",
                AmountDueCents = 4_250,
                AmountPaidCents = 4_250,
                PeriodStart = month.AddMonths(-1),
                PeriodEnd = month,
                HostedInvoiceUrl = "https://invoice.stripe.test/i/" + number,
            });
            await db.SaveChangesAsync();
        }

        foreach (var (device, width, height) in new[] { ("desktop", 1280, 800), ("mobile", 390, 844) })
        {
            await using var context = await host.NewContextAsync(width, height);
            var page = await context.NewPageAsync();
            await BrowserSteps.SignInAsync(page, "/finance", $"owner@{slug}.test");

            var row = page.GetByTestId("invoices").GetByRole(AriaRole.Row).Filter(new() { HasText = number });
            await Expect(row).ToContainTextAsync("$42.50");
            await Expect(row).ToContainTextAsync("paid");
            await Expect(row.GetByRole(AriaRole.Link, new() { Name = "View on Stripe" })).ToHaveAttributeAsync("href", "https://invoice.stripe.test/i/" + number);
            await Expect(page.GetByTestId("billing-state")).ToHaveTextAsync("active");
            await new Screenshots(device).TakeAsync(page, "finance-invoices");
            var (scrollWidth, innerWidth) = await BrowserSteps.WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"{device}: /finance with invoices is {scrollWidth}px wide in a {innerWidth}px viewport");
        }

        await using (var context = await host.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await BrowserSteps.SignInAsync(page, "/finance", $"viewer@{slug}.test");
            await Expect(page.GetByTestId("no-export")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("invoices")).ToHaveCountAsync(0);
            await Expect(page.GetByText(number)).ToHaveCountAsync(0);
        }
    }

    private static UsageEvent Call(DateTime at, string feature, long costNanoUsd) => new()
    {
        Endpoint = "chat",
        StartedAt = at,
        Feature = feature,
        Model = "gpt-x",
        Provider = "openai",
        Route = "default",
        Status = 200,
        InputTokens = 100,
        OutputTokens = 20,
        CostNanoUsd = costNanoUsd,
    };
}
