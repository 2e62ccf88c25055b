using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>
/// The providers page in real headless Chromium against the real host: an owner adds a provider
/// and a model through the dialogs, sees both listed, and tests a connection to a port nothing
/// listens on (a clear error, not a crash); then the same page at phone width without overflow.
/// </summary>
[Collection(DashboardHostCollection.Name)]
public sealed class ProvidersPageEndToEndTests(DashboardHost host)
{
    [Fact]
    public async Task Owner_AddsAProviderAndAModel_SeesThemListed_TestsAnUnreachableConnection_PhoneFits()
    {
        var slug = await host.CreateTenantAsync();
        var provider = "p" + Guid.NewGuid().ToString("N")[..6];
        var shots = new Screenshots("desktop");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/providers", $"owner@{slug}.test");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Providers & models" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No providers yet.")).ToBeVisibleAsync();

        var dialog = await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }));
        await dialog.GetByTestId("provider-name").FillAsync(provider);

        // Port 9 (discard) on loopback: nothing listens there, so the test must fail to connect.
        await dialog.GetByTestId("provider-base-url").FillAsync("http://127.0.0.1:9/v1");
        await dialog.GetByTestId("provider-credential").FillAsync("sk-e2e-secret");
        await dialog.GetByTestId("provider-region").FillAsync("eu");
        await shots.TakeAsync(page, "providers-create");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var providerRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "http://127.0.0.1:9/v1" });
        await Expect(providerRow).ToContainTextAsync(provider);
        await Expect(providerRow).ToContainTextAsync("set");

        await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add model" }));
        await dialog.GetByTestId("model-name").FillAsync($"{provider}/small");
        await dialog.GetByTestId("model-context").FillAsync("8000");
        await dialog.GetByTestId("model-max-output").FillAsync("1000");
        await dialog.GetByTestId("model-price-input").FillAsync("0.5");
        await dialog.GetByTestId("model-price-output").FillAsync("1.5");
        await shots.TakeAsync(page, "providers-create-model");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var modelRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{provider}/small" });
        await Expect(modelRow).ToContainTextAsync("8,000");
        await Expect(modelRow).ToContainTextAsync("$0.50 · $1.50");
        await Expect(modelRow).ToContainTextAsync("No calls");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Test connection to {provider}" }).ClickAsync();
        var result = providerRow.GetByTestId("test-result");
        await Expect(result).ToContainTextAsync("connection: Cannot reach http://127.0.0.1:9");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Providers & models" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "providers-list");
        Assert.DoesNotContain("sk-e2e-secret", await page.ContentAsync(), StringComparison.Ordinal);

        await using (var db = await host.TenantDbAsync(slug))
        {
            var stored = await db.Providers.SingleAsync(p => p.Name == provider);
            Assert.NotNull(stored.EncryptedCredential);
            Assert.DoesNotContain("sk-e2e-secret", stored.EncryptedCredential, StringComparison.Ordinal);
            var model = await db.Models.SingleAsync(m => m.Name == provider + "/small");
            Assert.Equal((8000, 0.5m, 1.5m), (model.ContextWindow, model.InputPricePerMillion, model.OutputPricePerMillion));
            Assert.Equal(1, await db.ModelPrices.CountAsync(p => p.ModelId == model.Id));
        }

        var phoneShots = new Screenshots("mobile");
        await using var phoneContext = await host.NewContextAsync(390, 844);
        var phone = await phoneContext.NewPageAsync();
        await BrowserSteps.SignInAsync(phone, "/providers", $"owner@{slug}.test");
        await Expect(phone.GetByText($"{provider}/small")).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = $"Test connection to {provider}" }).ClickAsync();
        await Expect(phone.GetByTestId("test-result")).ToContainTextAsync("connection:");
        await phoneShots.TakeAsync(phone, "providers-list");
        var widths = await BrowserSteps.WidthsAsync(phone);

        Assert.True(widths.ScrollWidth <= widths.InnerWidth, $"providers page overflows: {widths}");
    }

    [Fact]
    public async Task Viewer_SeesProvidersAndModels_ButNoWriteOrTestButtons()
    {
        var slug = await host.CreateTenantAsync("""
                providers:
                  - { name: seen, kind: openai-compatible, baseUrl: "http://127.0.0.1:9" }
                models:
                  - { name: seen/model, contextWindow: 8000, capabilities: [streaming, tools], prices: { input: 1, output: 2 } }
            """);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/providers", $"viewer@{slug}.test");

        await Expect(page.GetByText("seen/model")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "seen/model" })).ToContainTextAsync("tools");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add provider" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Test connection to seen" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete seen/model" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Price history of seen/model" })).ToHaveCountAsync(1);
    }
}
