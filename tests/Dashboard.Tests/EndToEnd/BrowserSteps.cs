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

    /// <summary>
    /// Clicks <paramref name="opener"/> and returns the form dialog it opens once the dialog has put
    /// focus in its first field (MudBlazor's DefaultFocus, a script run after the first render).
    /// Filling a field before that races the script: on a busy machine the focus moved to the first
    /// field between Playwright's focus and its typing, and the text landed there.
    /// </summary>
    public static async Task<ILocator> OpenDialogAsync(ILocator opener)
    {
        await opener.ClickAsync();
        var dialog = opener.Page.GetByRole(AriaRole.Dialog);
        await dialog.WaitForAsync();
        await opener.Page.WaitForFunctionAsync(
            "() => { const a = document.activeElement; return !!a && !!a.closest('[role=dialog]') && a.getAttribute('role') !== 'dialog'; }");
        return dialog;
    }

    /// <summary>Whether the page is wider than the viewport (a sideways scrollbar on a phone).</summary>
    public static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    [GeneratedRegex("/login\\?ReturnUrl=")]
    private static partial Regex SignInUrl();
}
