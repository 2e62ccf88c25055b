using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>The routes page in real headless Chromium against the real host: an admin builds a two-candidate chain, sees it drawn and dry-runs it; phone width.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed class RoutesPageEndToEndTests(DashboardHost host)
{
    private const string Catalog = """
            providers:
              - { name: p1, kind: openai-compatible, baseUrl: "http://127.0.0.1:9", credential: sk-test, region: eu }
            models:
              - { name: p1/fast, upstreamId: fast, contextWindow: 8000, capabilities: [streaming], prices: { input: 0.1, output: 0.2 }, region: eu }
              - { name: p1/smart, upstreamId: smart, contextWindow: 128000, capabilities: [streaming, tools], prices: { input: 2, output: 8 }, region: eu }
            fallbackPolicies:
              - name: interactive
                perAttemptTimeoutMs: 8000
                overallDeadlineMs: 20000
                maxRetries: 0
                retryOn: [connection]
                fallbackOn: [timeout, connection, rate_limited, server_error]
        """;

    [Fact]
    public async Task Admin_CreatesATwoCandidateRoute_SeesItsChain_AndDryRunsIt()
    {
        var admin = $"admin-{Guid.NewGuid():N}@example.test";
        var slug = await host.CreateTenantAsync(Catalog, admin);
        var shots = new Screenshots("desktop");
        await using var context = await host.NewContextAsync();

        // When this test runs first, its first page load also starts the host's Blazor pipeline,
        // which on a busy two-core machine can take longer than Playwright's 30 s default.
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/routes", admin);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routes & tiers" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No routes match.")).ToBeVisibleAsync();

        var dialog = await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create route" }));
        await dialog.GetByTestId("route-name").FillAsync("support");
        await dialog.GetByTestId("candidate-model").Nth(0).FillAsync("p1/fast");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();
        await dialog.GetByTestId("candidate-model").Nth(1).FillAsync("p1/smart");
        await dialog.GetByTestId("route-policy").FillAsync("interactive");
        await dialog.GetByTestId("route-region").FillAsync("eu");
        await shots.TakeAsync(page, "routes-create");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "support" });
        await Expect(row.GetByTestId("chain-candidate")).ToHaveTextAsync(["1. p1/fast", "2. p1/smart"]);
        await Expect(row.GetByTestId("chain-facts").Nth(1)).ToHaveTextAsync("eu · streaming, tools · $2/$8 per M");
        await Expect(row).ToContainTextAsync("interactive");
        await Expect(row).ToContainTextAsync("region eu");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run support" }).ClickAsync();
        await Expect(page.GetByTestId("dryrun-model")).ToHaveValueAsync("route:support");
        await page.GetByTestId("dryrun-run").ClickAsync();
        await Expect(page.GetByTestId("dryrun-summary")).ToContainTextAsync("would try p1/fast, then p1/smart");
        await shots.TakeAsync(page, "routes-list-dry-run");

        await page.GetByLabel("Tools", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("dryrun-run").ClickAsync();
        await Expect(page.GetByTestId("dryrun-summary")).ToContainTextAsync("would try p1/smart.");
        var candidates = page.GetByTestId("dryrun-candidate");
        await Expect(candidates.Nth(0)).ToHaveAttributeAsync("data-eligible", "false");
        await Expect(candidates.Nth(1)).ToHaveAttributeAsync("data-eligible", "true");
        await shots.TakeAsync(page, "routes-dry-run-excluded");

        await using var db = await host.TenantDbAsync(slug);
        var route = await db.Routes.Include(r => r.Candidates).ThenInclude(c => c.Model).Include(r => r.FallbackPolicy).SingleAsync(r => r.Name == "support");
        Assert.Equal(["p1/fast", "p1/smart"], route.Candidates.OrderBy(c => c.Priority).Select(c => c.Model!.Name));
        Assert.Equal("interactive", route.FallbackPolicy?.Name);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == route.Id.ToString() && a.Action == "create" && a.Actor == $"user:{admin}"));
    }

    [Fact]
    public async Task Phone_RoutesPage_FitsTheWidth()
    {
        var slug = await host.CreateTenantAsync(Catalog + """

                routes:
                  - { name: a-route-with-a-rather-long-name, candidates: [p1/fast, p1/smart], fallbackPolicy: interactive }
            """);
        var shots = new Screenshots("mobile");
        await using var context = await host.NewContextAsync(390, 844);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/routes", $"owner@{slug}.test");
        await Expect(page.GetByText("a-route-with-a-rather-long-name")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run a-route-with-a-rather-long-name" }).ClickAsync();
        await page.GetByTestId("dryrun-run").ClickAsync();
        await Expect(page.GetByTestId("dryrun-summary")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "routes-list");
        var widths = await BrowserSteps.WidthsAsync(page);

        Assert.True(widths.ScrollWidth <= widths.InnerWidth, $"routes page overflows: {widths}");
    }
}
