using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>The config page in real headless Chromium against the real host: export, change one value, preview exactly that change, apply, and the tenant's database has it; phone width.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed class ConfigPageEndToEndTests(DashboardHost host)
{
    private const string Catalog = """
            fallbackPolicies:
              - name: interactive
                perAttemptTimeoutMs: 8000
                overallDeadlineMs: 20000
                retryOn: [connection]
                fallbackOn: [timeout, connection]
        """;

    [Fact]
    public async Task Owner_ChangesOneValue_PreviewShowsThatChange_ApplyWritesIt()
    {
        var slug = await host.CreateTenantAsync(Catalog);
        var shots = new Screenshots("desktop");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        long versionBefore;
        await using (var before = await host.TenantDbAsync(slug))
        {
            versionBefore = await before.Tenants.Where(t => t.Slug == slug).Select(t => t.ConfigVersion).SingleAsync();
        }

        await BrowserSteps.SignInAsync(page, "/config", $"owner@{slug}.test");
        await Expect(page.GetByTestId("config-export")).ToContainTextAsync("perAttemptTimeoutMs: 8000");
        await page.GetByTestId("config-copy-export").ClickAsync();
        var draft = page.GetByTestId("config-draft");
        await Expect(draft).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("perAttemptTimeoutMs: 8000"));
        var exported = await draft.InputValueAsync();
        Assert.Contains($"slug: {slug}", exported, StringComparison.Ordinal);
        await draft.FillAsync(exported.Replace("perAttemptTimeoutMs: 8000", "perAttemptTimeoutMs: 9000", StringComparison.Ordinal));
        await page.GetByTestId("config-preview").ClickAsync();

        var change = page.GetByTestId("config-change");
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change).ToHaveAttributeAsync("data-action", "update");
        await Expect(change.GetByTestId("config-field-change")).ToHaveTextAsync("perAttemptTimeoutMs: 8000 → 9000");
        await shots.TakeAsync(page, "config-preview");

        await page.GetByTestId("config-apply").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Apply 1 change?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("config-applied")).ToContainTextAsync("Applied 1 change");
        await Expect(page.GetByTestId("config-export")).ToContainTextAsync("perAttemptTimeoutMs: 9000");
        await shots.TakeAsync(page, "config-applied");

        await using var db = await host.TenantDbAsync(slug);
        Assert.Equal(9000, (await db.FallbackPolicies.SingleAsync(p => p.Name == "interactive")).PerAttemptTimeoutMs);
        var versionAfter = await db.Tenants.Where(t => t.Slug == slug).Select(t => t.ConfigVersion).SingleAsync();
        Assert.True(versionAfter > versionBefore, $"{versionAfter} > {versionBefore}");
        await Expect(page.GetByTestId("config-applied")).ToContainTextAsync($"config version {versionAfter}");
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "apply" && a.Actor == $"user:owner@{slug}.test"));
    }

    [Fact]
    public async Task Phone_ConfigPage_FitsTheWidth_ViewerMayOnlyExport()
    {
        var slug = await host.CreateTenantAsync(Catalog);
        var shots = new Screenshots("mobile");
        await using var context = await host.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/config", $"viewer@{slug}.test");
        await Expect(page.GetByTestId("config-export")).ToContainTextAsync("perAttemptTimeoutMs: 8000");
        await Expect(page.GetByTestId("config-download")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("config-preview")).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "config");
        var widths = await BrowserSteps.WidthsAsync(page);

        Assert.True(widths.ScrollWidth <= widths.InnerWidth, $"config page overflows: {widths}");
    }
}
