using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.Shared.Domain;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>
/// The budgets page in real headless Chromium against the real host: create a budget through the
/// dialog, see its bar with the tenant's recorded spend, run the budget-alerts job, see the alert in
/// the history; the same page on a phone without sideways scrolling.
/// </summary>
[Collection(DashboardHostCollection.Name)]
public sealed class BudgetsPageEndToEndTests(DashboardHost host)
{
    [Fact]
    public async Task Owner_CreatesBudget_SeesRecordedSpend_AndTheAlertTheJobRaises()
    {
        var slug = await host.CreateTenantAsync();
        var now = DateTime.UtcNow;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        await using (var db = await host.TenantDbAsync(slug))
        {
            db.UsageEvents.AddRange(Call(hour, "support", 4_000_000_000), Call(hour, "search", 2_000_000_000));
            await db.SaveChangesAsync();
        }

        var name = "monthly-" + Guid.NewGuid().ToString("N")[..6];
        var desktop = new Screenshots("desktop");
        await using (var context = await host.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await BrowserSteps.SignInAsync(page, "/budgets", $"owner@{slug}.test");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budgets & alerts" })).ToBeVisibleAsync();
            await Expect(page.GetByText("No budgets match.")).ToBeVisibleAsync();

            var dialog = await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create budget" }));
            await dialog.GetByLabel("Name").FillAsync(name);
            await dialog.GetByLabel("Limit (USD)").FillAsync("10");
            await dialog.GetByLabel("Alert thresholds (%)").FillAsync("50, 80");
            await desktop.TakeAsync(page, "budgets-create");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            var row = page.GetByTestId("budgets").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await Expect(row).ToContainTextAsync("$6.00 of $10.00 (60%)");
            await Expect(row).ToContainTextAsync("Past 50%");
            await Expect(page.GetByText("No alerts yet.")).ToBeVisibleAsync();

            using (var scope = host.Factory.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<BudgetAlertJob>().RunAsync(CancellationToken.None);
            }

            await page.ReloadAsync();
            await BrowserSteps.WaitInteractiveAsync(page);
            var alert = page.GetByTestId("alert-history").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await Expect(alert).ToContainTextAsync("50%");
            await Expect(alert).ToContainTextAsync("$6.00 of $10.00");
            await Expect(page.GetByTestId("alert-history").GetByRole(AriaRole.Row).Filter(new() { HasText = "80%" })).ToHaveCountAsync(0);
            await desktop.TakeAsync(page, "budgets");
        }

        await using (var db = await host.TenantDbAsync(slug))
        {
            var budget = await db.Budgets.SingleAsync(b => b.Name == name);
            Assert.Equal((10m, BudgetScope.Tenant), (budget.LimitUsd, budget.Scope));
            Assert.Equal(50, (await db.Alerts.SingleAsync(a => a.BudgetId == budget.Id)).ThresholdPercent);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == budget.Id.ToString() && a.Action == "create" && a.Actor == $"user:owner@{slug}.test"));
        }

        await using (var context = await host.NewContextAsync(390, 844))
        {
            var page = await context.NewPageAsync();
            await BrowserSteps.SignInAsync(page, "/budgets", $"viewer@{slug}.test");
            await Expect(page.GetByTestId("budgets").GetByText(name)).ToBeVisibleAsync();
            await Expect(page.GetByTestId("budgets")).ToContainTextAsync("$6.00 of $10.00 (60%)");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create budget" })).ToHaveCountAsync(0);
            await new Screenshots("mobile").TakeAsync(page, "budgets");
            var (scrollWidth, innerWidth) = await BrowserSteps.WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"/budgets is {scrollWidth}px wide in a {innerWidth}px viewport");
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
