using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>The prompt registry in real headless Chromium: promote a version to production, roll it back (both confirmed), see both moves in the history; the diff; phone width.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed class PromptPageEndToEndTests(DashboardHost host)
{
    private const string Greet = """
            prompts:
              - name: greet
                description: greets the user by name
                versions:
                  - version: 1
                    messages:
                      - { role: system, content: "You are friendly." }
                      - { role: user, content: "Hi {{name}}" }
                  - version: 2
                    messages:
                      - { role: system, content: "You are friendly." }
                      - { role: user, content: "Hello {{name}}, welcome back" }
                labels: { production: 1 }
        """;

    [Fact]
    public async Task Promote_ThenRollBack_BothConfirmed_HistoryShowsBothMoves()
    {
        var slug = await host.CreateTenantAsync(Greet);
        var shots = new Screenshots("desktop");
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/prompts", $"owner@{slug}.test");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "greet" });
        await Expect(row).ToContainTextAsync("production → v1");
        await shots.TakeAsync(page, "prompts-list");

        await row.GetByRole(AriaRole.Link, new() { Name = "greet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "greet" })).ToBeVisibleAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("diff-view")).ToContainTextAsync("Hello {{name}}, welcome back");
        await shots.TakeAsync(page, "prompt-detail");

        await page.GetByRole(AriaRole.Button, new() { Name = "Promote production to v2" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Promote 'production' from v1 to v2?");
        await shots.TakeAsync(page, "prompt-promote-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Promote" }).ClickAsync();
        var history = page.GetByTestId("label-history");
        await Expect(history).ToContainTextAsync("promote v1 → v2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back production to v1" }).ClickAsync();
        await Expect(confirm).ToContainTextAsync("Roll back 'production' from v2 to v1?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await Expect(history).ToContainTextAsync("rollback v2 → v1");
        await Expect(history).ToContainTextAsync("promote v1 → v2");
        await Expect(history).ToContainTextAsync($"user:owner@{slug}.test");
        await shots.TakeAsync(page, "prompt-history");

        await using var db = await host.TenantDbAsync(slug);
        var label = await db.PromptLabels.SingleAsync(l => l.Label == "production");
        Assert.Equal(1, label.Version);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "prompt_label" && (a.Action == "promote" || a.Action == "rollback")));
    }

    [Fact]
    public async Task Phone_PromptsListAndDetail_FitTheWidth()
    {
        var slug = await host.CreateTenantAsync(Greet);
        var shots = new Screenshots("mobile");
        await using var context = await host.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();

        await BrowserSteps.SignInAsync(page, "/prompts", $"owner@{slug}.test");
        await Expect(page.GetByText("greets the user by name")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "prompts-list");
        var list = await BrowserSteps.WidthsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "greet" }).ClickAsync();
        await Expect(page.GetByTestId("diff-view")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "prompt-detail");
        var detail = await BrowserSteps.WidthsAsync(page);

        Assert.True(list.ScrollWidth <= list.InnerWidth, $"prompts list overflows: {list}");
        Assert.True(detail.ScrollWidth <= detail.InnerWidth, $"prompt page overflows: {detail}");
    }
}
