using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>
/// The dashboard with the keyboard alone, in real headless Chromium: the skip link, the navigation,
/// a page's main action and its dialog, and the way back out. Only Tab, Shift+Tab, Enter, typing and
/// Escape move things; no clicks.
/// </summary>
[Collection(DashboardHostCollection.Name)]
public sealed class KeyboardEndToEndTests(DashboardHost host)
{
    /// <summary>More Tab presses than the app bar, the navigation and a page's toolbar have stops.</summary>
    private const int MaxTabs = 40;

    [Fact]
    public async Task KeyboardOnly_SkipLink_NavigateToRoutes_OpenCreateDialog_EscapeCloses()
    {
        var slug = await host.CreateTenantAsync();
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "/", $"owner@{slug}.test");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        // The skip link is the document's first Tab stop (focus starts on the page's heading, so
        // Shift+Tab walks back to it); it shows when focused, and Enter puts focus in the page.
        var skip = page.GetByRole(AriaRole.Button, new() { Name = "Skip to content" });
        Assert.True(await skip.EvaluateAsync<bool>(
            "element => element === document.querySelector('a[href], button:not([disabled]), input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex=\"-1\"])')"),
            "the skip link is not the first focusable element");
        await TabUntilFocusedAsync(page, skip, "Shift+Tab");
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();

        // Back up into the navigation with Shift+Tab, choose a page with Enter; focus goes to its heading.
        await TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Routes & tiers" }), "Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/routes$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routes & tiers" })).ToBeFocusedAsync();

        // The page's main action opens its form with focus in the first field; Escape cancels it.
        await TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create route" }), "Tab");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("route-name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("typed-by-keyboard");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByText("typed-by-keyboard")).ToHaveCountAsync(0);
    }

    /// <summary>Presses <paramref name="key"/> until <paramref name="target"/> has focus; fails after <see cref="MaxTabs"/> presses.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator target, string key)
    {
        for (var presses = 0; presses < MaxTabs; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{MaxTabs} presses of {key} never reached the target; focus is on {focused}");
    }
}
