using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>The fallback policies page in real headless Chromium against the real host: the matrix as stored, one row edited and saved; phone width.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed class FallbackPoliciesPageEndToEndTests(DashboardHost host)
{
    private const string Catalog = """
            providers:
              - { name: p1, kind: openai-compatible, baseUrl: "http://127.0.0.1:9", credential: sk-test, region: eu }
            models:
              - { name: p1/fast, upstreamId: fast, contextWindow: 8000, capabilities: [streaming], prices: { input: 0.1, output: 0.2 }, region: eu }
            fallbackPolicies:
              - name: interactive
                perAttemptTimeoutMs: 8000
                overallDeadlineMs: 20000
                maxRetries: 0
                retryOn: [connection]
                fallbackOn: [timeout, connection, rate_limited, server_error]
            routes:
              - { name: chat, candidates: [p1/fast], fallbackPolicy: interactive }
        """;

    [Fact]
    public async Task Owner_EditsOneMatrixRow_SeesItSaved()
    {
        var slug = await host.CreateTenantAsync(Catalog);
        var shots = new Screenshots("desktop");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/fallback-policies", $"owner@{slug}.test");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fallback policies" })).ToBeVisibleAsync();
        var policy = page.GetByTestId("policy").Filter(new() { HasText = "interactive" });
        await Expect(policy.GetByTestId("policy-routes")).ToHaveTextAsync("Used by route chat.");
        await Expect(MatrixRow(policy, "overloaded")).ToHaveAttributeAsync("data-behaviour", "ReturnToCaller");
        await Expect(MatrixRow(policy, "connection")).ToHaveAttributeAsync("data-behaviour", "RetryThenFallBack");
        await shots.TakeAsync(page, "fallback-policies");

        var dialog = await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Edit interactive" }));
        var row = dialog.Locator("[data-testid='matrix-editor-row'][data-class='overloaded']");
        await row.GetByRole(AriaRole.Radio, new() { Name = "Retry, then fall back", Exact = true }).CheckAsync();
        await Expect(row.GetByRole(AriaRole.Radio, new() { Name = "Retry, then fall back", Exact = true })).ToBeCheckedAsync();
        await shots.TakeAsync(page, "fallback-policy-edit");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await Expect(MatrixRow(policy, "overloaded")).ToHaveAttributeAsync("data-behaviour", "RetryThenFallBack");
        await using var db = await host.TenantDbAsync(slug);
        var saved = await db.FallbackPolicies.SingleAsync(p => p.Name == "interactive");
        Assert.Equal(["connection", "overloaded"], saved.RetryOn);
        Assert.Equal(["timeout", "connection", "rate_limited", "server_error", "overloaded"], saved.FallbackOn);
        Assert.Equal(8000, saved.PerAttemptTimeoutMs);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == saved.Id.ToString() && a.Action == "update" && a.Actor == $"user:owner@{slug}.test"));
    }

    [Fact]
    public async Task Phone_FallbackPoliciesPage_FitsTheWidth()
    {
        var slug = await host.CreateTenantAsync(Catalog);
        var shots = new Screenshots("mobile");
        await using var context = await host.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/fallback-policies", $"owner@{slug}.test");
        await Expect(page.GetByTestId("policy-matrix")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "fallback-policies");
        var widths = await BrowserSteps.WidthsAsync(page);
        Assert.True(widths.ScrollWidth <= widths.InnerWidth, $"fallback policies page overflows: {widths}");

        await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Edit interactive" }));
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await shots.TakeAsync(page, "fallback-policy-edit");
        widths = await BrowserSteps.WidthsAsync(page);
        Assert.True(widths.ScrollWidth <= widths.InnerWidth, $"fallback policy dialog overflows: {widths}");
    }

    private static ILocator MatrixRow(ILocator policy, string errorClass) =>
        policy.Locator($"[data-testid='matrix-row'][data-class='{errorClass}']");
}
