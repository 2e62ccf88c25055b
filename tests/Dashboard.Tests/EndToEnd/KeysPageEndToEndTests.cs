using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Platform.Shared.Security;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>The keys page in real headless Chromium against the real host: sign in, create, see the secret once, revoke; phone width; roles; tenant switch.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed class KeysPageEndToEndTests(DashboardHost host)
{
    [Fact]
    public async Task SignIn_CreateKey_SecretShownOnce_Revoke()
    {
        var slug = await host.CreateTenantAsync();
        var shots = new Screenshots("desktop");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var name = "svc-" + Guid.NewGuid().ToString("N")[..6];

        await BrowserSteps.SignInAsync(page, "/keys", $"owner@{slug}.test", shots, "signin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No keys match.")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "keys-empty");

        var dialog = await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create key" }));
        await dialog.GetByLabel("Name").FillAsync(name);
        await dialog.GetByLabel("Requests per minute").FillAsync("120");
        await shots.TakeAsync(page, "keys-create");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var secretInput = page.GetByTestId("secret-value");
        await Expect(secretInput).ToHaveValueAsync(new Regex("^" + Regex.Escape(ApiKeySecret.Marker)));
        var secret = await secretInput.InputValueAsync();
        await shots.TakeAsync(page, "keys-secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("active");
        await Expect(row).ToContainTextAsync("120 req/min");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await shots.TakeAsync(page, "keys-list");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("revoked");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" })).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "keys-revoked");

        await using var db = await host.TenantDbAsync(slug);
        var key = await db.ApiKeys.SingleAsync(k => k.Name == name);
        Assert.Equal(ApiKeySecret.Hash(secret), key.Hash);
        Assert.NotNull(key.RevokedAt);
        Assert.Equal(120, key.RequestsPerMinute);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == key.Id.ToString() && a.Action == "revoke" && a.Actor == $"user:owner@{slug}.test"));
    }

    [Fact]
    public async Task Phone_SignInKeysAndNavigation_FitTheWidth()
    {
        var slug = await host.CreateTenantAsync("""
                apiKeys:
                  - { name: mobile-app-with-a-rather-long-name, key: plt_mobile_0123456789abcdefghijklmnopqr, requestsPerMinute: 600 }
            """);
        var shots = new Screenshots("mobile");
        await using var context = await host.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/keys");
        await page.GetByLabel("Email").WaitForAsync();
        var signIn = await BrowserSteps.WidthsAsync(page);
        await BrowserSteps.SignInAsync(page, "/keys", $"owner@{slug}.test", shots, "signin");
        await Expect(page.GetByText("mobile-app-with-a-rather-long-name")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "keys-list");
        var keys = await BrowserSteps.WidthsAsync(page);
        // On a phone the drawer starts open and MudBlazor closes it once it has measured the
        // viewport; a click before that would close it instead of opening it.
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "navigation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToBeVisibleAsync();
        var other = await BrowserSteps.WidthsAsync(page);

        Assert.True(signIn.ScrollWidth <= signIn.InnerWidth, $"sign-in overflows: {signIn}");
        Assert.True(keys.ScrollWidth <= keys.InnerWidth, $"keys page overflows: {keys}");
        Assert.True(other.ScrollWidth <= other.InnerWidth, $"audit page overflows: {other}");
    }

    [Fact]
    public async Task Viewer_SeesKeysButNoWriteButtons()
    {
        var slug = await host.CreateTenantAsync("""
                apiKeys:
                  - { name: read-me, key: plt_viewer_0123456789abcdefghijklmnopqr }
            """);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/keys", $"viewer@{slug}.test");

        await Expect(page.GetByText("read-me")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create key" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revoke read-me" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Keyboard_CreateKeyOpensTheFormWithFocusInName_EscapeCloses()
    {
        var slug = await host.CreateTenantAsync();
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "/keys", $"owner@{slug}.test");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("typed-by-keyboard");
        await page.Keyboard.PressAsync("Escape");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByText("typed-by-keyboard")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TenantSwitcher_ReissuesTheSession_ListShowsTheOtherTenantsKeys()
    {
        var shared = $"multi-{Guid.NewGuid():N}@example.test";
        var first = await host.CreateTenantAsync("""
                apiKeys:
                  - { name: first-tenant-key, key: plt_first_0123456789abcdefghijklmnopqrs }
            """, shared);
        var second = await host.CreateTenantAsync("""
                apiKeys:
                  - { name: second-tenant-key, key: plt_second_0123456789abcdefghijklmnopqr }
            """, shared);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "/keys", shared);

        // Sign-in acts in the user's first tenant by slug.
        var (from, to) = string.CompareOrdinal(first, second) < 0 ? (first, second) : (second, first);
        await Expect(page.GetByText(from == first ? "first-tenant-key" : "second-tenant-key")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch tenant" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"{to} Ltd" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/keys$"));
        await BrowserSteps.WaitInteractiveAsync(page);

        await Expect(page.GetByText(to == first ? "first-tenant-key" : "second-tenant-key")).ToBeVisibleAsync();
        await Expect(page.GetByText(from == first ? "first-tenant-key" : "second-tenant-key")).ToHaveCountAsync(0);
    }
}
