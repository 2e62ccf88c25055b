using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>What a person does in the dashboard, as steps the tests share; waits are on visible state, never on time.</summary>
internal static partial class BrowserSteps
{
    /// <summary>Opens <paramref name="path"/> signed out, lands on sign-in, signs in, and is sent back.</summary>
    public static async Task SignInAsync(IPage page, string path, string email, Screenshots? shots = null, string? shotName = null)
    {
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(SignInUrl());
        if (shots is not null && shotName is not null)
        {
            await shots.TakeAsync(page, shotName);
        }

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DashboardHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await WaitInteractiveAsync(page);
    }

    /// <summary>Prerendered buttons are plain HTML until the circuit connects; the layout marks when it has.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive='true']").WaitForAsync();

    /// <summary>Whether the page is wider than the viewport (a sideways scrollbar on a phone).</summary>
    public static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    [GeneratedRegex("/login\\?ReturnUrl=")]
    private static partial Regex SignInUrl();
}
