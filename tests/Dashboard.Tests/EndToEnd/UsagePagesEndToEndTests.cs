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
/// The acceptance path: a call through the real data plane whose primary model fails at the
/// simulator falls back, and the dashboard's usage list, trace and overview show it, on a desktop and a phone.
/// </summary>
[Collection(UsageHostCollection.Name)]
public sealed class UsagePagesEndToEndTests(UsageHost host)
{
    /// <summary>How long the data plane may take to load a new tenant (1 s poll) and write the event (200 ms batches); generous for CI.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task PrimaryFails_CallFallsBack_UsageListTraceAndOverviewShowTheFallback()
    {
        var (slug, secret, big, small) = await CreateTenantWithFallbackRouteAsync();
        host.Simulator.Scripts.Set(big, new ModelScript { Fault = SimulatorFault.InternalServerError });

        using var response = await CallUntilServedAsync(secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(small, response.Headers.GetValues("x-platform-model").Single());
        var call = await RecordedCallAsync(slug);
        var failedPrimary = call.Attempts.Single(a => a.Index == 0);
        Assert.Equal((big, 1), (failedPrimary.Model, call.FallbackCount));
        Assert.NotNull(failedPrimary.ErrorClass);

        foreach (var (device, width, height) in new[] { ("desktop", 1280, 800), ("mobile", 390, 844) })
        {
            var shots = new Screenshots(device);
            await using var context = await host.Dashboard.NewContextAsync(width, height);
            var page = await context.NewPageAsync();
            await BrowserSteps.SignInAsync(page, "/usage", $"viewer@{slug}.test");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Usage & calls" })).ToBeVisibleAsync();

            await page.GetByLabel("Route").FillAsync("support_chat");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "support_chat" });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("fell back ×1");
            await Expect(row).ToContainTextAsync("ok 200");
            await shots.TakeAsync(page, "usage-list");
            var (scrollWidth, innerWidth) = await BrowserSteps.WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"{device}: /usage is {scrollWidth}px wide in a {innerWidth}px viewport");

            await row.GetByTestId("call-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/usage/{call.Id}$"));
            await Expect(page.GetByTestId("fell-back")).ToContainTextAsync("fell back ×1");
            var roles = page.GetByTestId("attempt-role");
            await Expect(roles).ToHaveTextAsync(["primary · failed", "fallback · served"]);
            await Expect(page.GetByTestId("attempt-error").First).ToHaveTextAsync(failedPrimary.ErrorClass!);
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "primary · failed" })).ToContainTextAsync(big);
            await Expect(page.GetByTestId("route")).ToContainTextAsync("support_chat · strategy priority");
            await shots.TakeAsync(page, "usage-trace");
            (scrollWidth, innerWidth) = await BrowserSteps.WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"{device}: the trace is {scrollWidth}px wide in a {innerWidth}px viewport");

            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("stat-requests")).ToContainTextAsync("1");
            await Expect(page.GetByTestId("stat-fallbacks")).ToContainTextAsync("100.0%");
            await Expect(page.GetByTestId("stat-errors")).ToContainTextAsync("0.0%");
            await Expect(page.GetByTestId("top-models")).ToContainTextAsync(small);
            await shots.TakeAsync(page, "overview");
            (scrollWidth, innerWidth) = await BrowserSteps.WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"{device}: the overview is {scrollWidth}px wide in a {innerWidth}px viewport");
        }
    }

    /// <summary>A tenant whose route <c>support_chat</c> tries <c>big-&lt;slug&gt;</c> then falls back to <c>small-&lt;slug&gt;</c> on a server error.</summary>
    private async Task<(string Slug, string Secret, string Big, string Small)> CreateTenantWithFallbackRouteAsync()
    {
        var secret = ApiKeySecret.Generate();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var big = "big-" + suffix;
        var small = "small-" + suffix;
        var sections = $"""
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
                routes:
                  - {'{'} name: support_chat, candidates: [sim/big, sim/small], strategy: priority, fallbackPolicy: on-error {'}'}
                apiKeys:
                  - {'{'} name: e2e, key: "{secret}" {'}'}
            """;
        var slug = await host.Dashboard.CreateTenantAsync(sections);
        return (slug, secret, big, small);
    }

    /// <summary>The data plane picks up a new tenant's key on its next poll; until then the key is unknown (401).</summary>
    private async Task<HttpResponseMessage> CallUntilServedAsync(string secret)
    {
        using var client = host.DataPlane.CreateClient();
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = JsonContent.Create(new { model = "route:support_chat", messages = new[] { new { role = "user", content = "hello" } } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized || DateTime.UtcNow > deadline)
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
                if (await db.UsageEvents.AsNoTracking().Include(e => e.Attempts).SingleOrDefaultAsync(e => e.Route == "support_chat") is { } call)
                {
                    return call;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no usage event recorded within {Within.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
