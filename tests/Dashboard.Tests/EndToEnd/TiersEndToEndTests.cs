using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>The tiers on the routes page in real headless Chromium against the real host: an admin creates a two-model tier and sees it drawn in order; phone width.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed class TiersEndToEndTests(DashboardHost host)
{
    private const string Catalog = """
            providers:
              - { name: p1, kind: openai-compatible, baseUrl: "http://127.0.0.1:9", credential: sk-test, region: eu }
            models:
              - { name: p1/fast, upstreamId: fast, contextWindow: 8000, capabilities: [streaming], prices: { input: 0.1, output: 0.2 }, region: eu }
              - { name: p1/smart, upstreamId: smart, contextWindow: 128000, capabilities: [streaming, tools], prices: { input: 2, output: 8 }, region: eu }
        """;

    [Fact]
    public async Task Owner_CreatesATier_SeesItsModelsInOrder()
    {
        var slug = await host.CreateTenantAsync(Catalog);
        var shots = new Screenshots("desktop");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/routes", $"owner@{slug}.test");
        await Expect(page.GetByText("No tiers yet.")).ToBeVisibleAsync();
        var dialog = await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create tier" }));
        await dialog.GetByTestId("tier-name").FillAsync("premium");
        await dialog.GetByTestId("tier-model").Nth(0).FillAsync("p1/fast");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add model" }).ClickAsync();
        await dialog.GetByTestId("tier-model").Nth(1).FillAsync("p1/smart");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move tier model 2 up" }).ClickAsync();
        await Expect(dialog.GetByTestId("tier-model").Nth(0)).ToHaveValueAsync("p1/smart");
        await shots.TakeAsync(page, "tier-create");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var tier = page.GetByTestId("tier").Filter(new() { HasText = "premium" });
        await Expect(tier.GetByTestId("tier-model-chip")).ToHaveTextAsync(["1. p1/smart", "2. p1/fast"]);
        await Expect(tier.GetByTestId("tier-model-facts").Nth(0)).ToHaveTextAsync("eu · streaming, tools · $2/$8 per M");
        await Expect(tier.GetByTestId("tier-routes")).ToHaveTextAsync("Used by no route.");
        await tier.ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync(page, "routes-tiers");

        await using var db = await host.TenantDbAsync(slug);
        var saved = await db.Tiers.Include(t => t.Models).ThenInclude(m => m.Model).SingleAsync(t => t.Name == "premium");
        Assert.Equal(["p1/smart", "p1/fast"], saved.Models.OrderBy(m => m.Priority).Select(m => m.Model!.Name));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == saved.Id.ToString() && a.Action == "create" && a.Actor == $"user:owner@{slug}.test"));
    }

    [Fact]
    public async Task Phone_TiersOnTheRoutesPage_FitTheWidth()
    {
        var slug = await host.CreateTenantAsync(Catalog + """

                tiers:
                  - { name: a-tier-with-a-rather-long-name, models: [p1/smart, p1/fast] }
                routes:
                  - { name: summaries, tier: a-tier-with-a-rather-long-name }
            """);
        var shots = new Screenshots("mobile");
        await using var context = await host.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/routes", $"owner@{slug}.test");
        var tier = page.GetByTestId("tier").Filter(new() { HasText = "a-tier-with-a-rather-long-name" });
        await Expect(tier.GetByTestId("tier-routes")).ToHaveTextAsync("Used by route summaries.");
        await tier.ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync(page, "routes-tiers");
        var widths = await BrowserSteps.WidthsAsync(page);

        Assert.True(widths.ScrollWidth <= widths.InnerWidth, $"routes page with tiers overflows: {widths}");
    }
}
