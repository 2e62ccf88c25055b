using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Platform.Shared.Domain;
using Platform.Shared.Security;
using Platform.Simulator;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>
/// Issue 6's acceptance flow as one session of one admin, against the real control plane, data plane
/// and simulator: sign in, release a prompt version and roll it back, create a key, create a route with
/// a fallback, call the data plane with that key (the simulator fails the primary),
/// find the call in the usage page, open its trace showing the fallback and the prompt version
/// served, and export the month's spend as CSV. The pages' own tests cover their details; this one
/// proves the steps hold together.
/// </summary>
[Collection(UsageHostCollection.Name)]
public sealed class JourneyEndToEndTests(UsageHost host)
{
    /// <summary>How long the data plane may take to load the new key and route (1 s poll) and write the event; generous for CI.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Admin_KeyRouteAndPromptThroughThePages_CallFallsBack_TraceAndCsvShowIt()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (big, small) = ("big-" + suffix, "small-" + suffix);
        var admin = $"admin-{suffix}@example.test";
        var slug = await host.Dashboard.CreateTenantAsync(Catalog(big, small), admin);
        host.Simulator.Scripts.Set(big, new ModelScript { Fault = SimulatorFault.InternalServerError });
        var shots = new Screenshots("journey");
        await using var context = await host.Dashboard.NewContextAsync();
        var page = await context.NewPageAsync();

        // The prompt moves come first: the data plane serves the call only once its snapshot has the
        // route created after them, and a snapshot is one config version, so the call must get v1.
        // (Moved last, the call could race the rollback: a snapshot taken between the two moves serves v2.)
        await BrowserSteps.SignInAsync(page, "/prompts", admin, shots, "1-signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "greet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "greet" })).ToBeVisibleAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await PromoteThenRollBackAsync(page);
        await shots.TakeAsync(page, "2-prompt");

        await page.GotoAsync("/keys");
        await BrowserSteps.WaitInteractiveAsync(page);
        var secret = await CreateKeyAsync(page, "journey-app");
        await shots.TakeAsync(page, "3-key");

        await page.GotoAsync("/routes");
        await BrowserSteps.WaitInteractiveAsync(page);
        await CreateRouteAsync(page);
        await shots.TakeAsync(page, "4-route");

        using var response = await CallUntilServedAsync(secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(small, response.Headers.GetValues("x-platform-model").Single());
        Assert.Equal("1", response.Headers.GetValues("x-platform-fallbacks").Single());
        var call = await RecordedCallAsync(slug);

        await page.GotoAsync("/usage");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.GetByLabel("Route").FillAsync("support_chat");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "support_chat" });
        await Expect(row).ToContainTextAsync("fell back ×1");
        await shots.TakeAsync(page, "5-usage");
        await row.GetByTestId("call-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/usage/{call.Id}$"));
        await Expect(page.GetByTestId("attempt-role")).ToHaveTextAsync(["primary · failed", "fallback · served"]);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "primary · failed" })).ToContainTextAsync(big);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Prompt" })).ToContainTextAsync("greet v1 (production)");
        await shots.TakeAsync(page, "6-trace");

        await page.GotoAsync("/finance");
        await BrowserSteps.WaitInteractiveAsync(page);
        await page.Locator(".mud-select").Filter(new() { HasText = "Period" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "This month" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "journey" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "7-finance");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var lines = await File.ReadAllLinesAsync(await download.PathAsync());
        var journey = Assert.Single(lines, l => l.StartsWith("group,journey,", StringComparison.Ordinal)).Split(',');
        // Every recorded call of the feature counts, the refused ones from before the data plane had
        // the key and route included (they cost nothing): the CSV must equal the records.
        await using (var db = await host.Dashboard.TenantDbAsync(slug))
        {
            var recorded = await db.UsageEvents.AsNoTracking().Where(e => e.Feature == "journey").ToListAsync();
            Assert.Equal(call.CostNanoUsd, recorded.Sum(e => e.CostNanoUsd));
            Assert.Equal(
                (recorded.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), call.CostNanoUsd.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (journey[4], journey[^1]));
        }

        Assert.True(call.CostNanoUsd > 0, "the served call was priced");
    }

    /// <summary>A provider on the simulator, two models, a fallback policy and a prompt with two versions (production on v1); no key, no route.</summary>
    private string Catalog(string big, string small) => $"""
            providers:
              - {'{'} name: sim, kind: openai-compatible, baseUrl: "{host.Simulator.BaseAddress.ToString().TrimEnd('/')}", credential: sk-sim {'}'}
            models:
              - {'{'} name: sim/big, upstreamId: {big}, contextWindow: 128000, maxOutputTokens: 4096, prices: {'{'} input: 2, output: 8 {'}'} {'}'}
              - {'{'} name: sim/small, upstreamId: {small}, contextWindow: 128000, maxOutputTokens: 4096, prices: {'{'} input: 1, output: 2 {'}'} {'}'}
            fallbackPolicies:
              - name: on-error
                maxRetries: 0
                maxCandidates: 2
                fallbackOn: [server_error, overloaded, timeout, connection]
            prompts:
              - name: greet
                versions:
                  - version: 1
                    messages:
                      - {'{'} role: user, content: "Hi {'{'}{'{'}name{'}'}{'}'}" {'}'}
                  - version: 2
                    messages:
                      - {'{'} role: user, content: "Hello {'{'}{'{'}name{'}'}{'}'}, welcome back" {'}'}
                labels: {'{'} production: 1 {'}'}
        """;

    private static async Task<string> CreateKeyAsync(IPage page, string name)
    {
        var dialog = await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create key" }));
        await dialog.GetByLabel("Name").FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var secretInput = page.GetByTestId("secret-value");
        await Expect(secretInput).ToHaveValueAsync(new Regex("^" + Regex.Escape(ApiKeySecret.Marker)));
        var secret = await secretInput.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("active");
        return secret;
    }

    private static async Task CreateRouteAsync(IPage page)
    {
        var dialog = await BrowserSteps.OpenDialogAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create route" }));
        await dialog.GetByTestId("route-name").FillAsync("support_chat");
        await dialog.GetByTestId("candidate-model").Nth(0).FillAsync("sim/big");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();
        await dialog.GetByTestId("candidate-model").Nth(1).FillAsync("sim/small");
        await dialog.GetByTestId("route-policy").FillAsync("on-error");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "support_chat" });
        await Expect(row.GetByTestId("chain-candidate")).ToHaveTextAsync(["1. sim/big", "2. sim/small"]);
    }

    private static async Task PromoteThenRollBackAsync(IPage page)
    {
        var confirm = page.GetByRole(AriaRole.Dialog);
        var history = page.GetByTestId("label-history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Promote production to v2" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Promote" }).ClickAsync();
        await Expect(history).ToContainTextAsync("promote v1 → v2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back production to v1" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await Expect(history).ToContainTextAsync("rollback v2 → v1");
    }

    /// <summary>The data plane picks up the new key and route on its next poll; until then the key is unknown (401) or the route missing.</summary>
    private async Task<HttpResponseMessage> CallUntilServedAsync(string secret)
    {
        using var client = host.DataPlane.CreateClient();
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = JsonContent.Create(new
                {
                    model = "route:support_chat",
                    messages = new[] { new { role = "user", content = "and one more thing" } },
                    metadata = new Dictionary<string, string> { ["prompt.name"] = "Ada" },
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            request.Headers.Add("x-platform-feature", "journey");
            request.Headers.Add("x-platform-prompt", "greet");
            var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                await response.Content.LoadIntoBufferAsync();
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }

    /// <summary>The data plane writes usage in the background, in batches: wait for the event, not for a time.</summary>
    private async Task<UsageEvent> RecordedCallAsync(string slug)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            await using (var db = await host.Dashboard.TenantDbAsync(slug))
            {
                if (await db.UsageEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Route == "support_chat") is { } call)
                {
                    return call;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no usage event recorded within {Within.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
