extern alias ControlPlaneHost;
extern alias DataPlaneHost;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Config;
using Platform.Simulator;

namespace Platform.Hosts.Tests;

/// <summary>
/// The two hosts on one database, as deployed: what an admin creates through the management API
/// is served by an already-running data plane, without a restart, within its documented pick-up
/// time (a 1 s poll; the issue allows 2 s).
/// </summary>
public sealed class ControlPlaneToDataPlaneTests
{
    private const string Password = "Passw0rd!Long";

    /// <summary>Generous on a loaded CI machine; the pick-up time actually observed is printed for the closing note.</summary>
    private static readonly TimeSpan ServedWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task KeyAndRouteCreatedThroughTheApi_AreServedByTheRunningDataPlane_WithThatRoute()
    {
        using var data = new TempDataDirectory();
        await data.MigrateAsync();
        await using var simulator = await SimulatorServer.StartAsync();
        await using var controlPlane = Create<ControlPlaneHost::Program>(data);
        await SeedTenantAsync(controlPlane);
        await using var dataPlane = Create<DataPlaneHost::Program>(data);
        using var caller = dataPlane.CreateClient();
        using var before = await caller.GetAsync("/healthz");
        using var admin = controlPlane.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var signIn = await admin.PostAsJsonAsync("/api/v1/session", new { email = "owner@e2e.test", password = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        await CreatedAsync(admin, "/api/v1/providers", new { name = "sim", kind = "openai-compatible", baseUrl = simulator.BaseAddress.ToString().TrimEnd('/'), credential = "sk-sim" });
        await CreatedAsync(admin, "/api/v1/models", new { name = "sim/fast", upstreamId = "e2e-fast", contextWindow = 128_000, maxOutputTokens = 4096, capabilities = new[] { "streaming" }, prices = new { input = 1, output = 2 } });
        await CreatedAsync(admin, "/api/v1/routes", new { name = "support_summary", candidates = new[] { new { model = "sim/fast" } } });
        var key = await CreatedAsync(admin, "/api/v1/keys", new { name = "e2e", routes = new[] { "support_summary" } });
        var secret = key.GetProperty("secret").GetString()!;
        var created = Stopwatch.StartNew();

        HttpResponseMessage response;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = JsonContent.Create(new { model = "route:support_summary", messages = new[] { new { role = "user", content = "hello" } } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            response = await caller.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK || created.Elapsed > ServedWithin)
            {
                break;
            }

            response.Dispose();
            await Task.Delay(100);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"not served within {ServedWithin.TotalSeconds} s: {(int)response.StatusCode} {body}");
            Console.WriteLine($"control plane → data plane pick-up: {created.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Equal("support_summary", response.Headers.GetValues("x-platform-route").Single());
            Assert.Equal(("sim", "e2e-fast"), (response.Headers.GetValues("x-platform-provider").Single(), response.Headers.GetValues("x-platform-model").Single()));
            Assert.Equal("chat.completion", JsonDocument.Parse(body).RootElement.GetProperty("object").GetString());
        }
    }

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {json}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static async Task SeedTenantAsync(WebApplicationFactory<ControlPlaneHost::Program> controlPlane)
    {
        var yaml = $"""
            version: 1
            tenants:
              - slug: e2e
                name: End to end
                members:
                  - {'{'} email: owner@e2e.test, role: owner, password: "{Password}" {'}'}
            """;
        var parsed = ConfigParser.Parse(yaml, "e2e.yaml", _ => null);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        var applied = await controlPlane.Services.GetRequiredService<ConfigApplier>()
            .ApplyAsync(parsed.Document!, new ConfigApplyOptions { AllowPlaintextKeys = true });
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
    }

    private static WebApplicationFactory<T> Create<T>(TempDataDirectory data)
        where T : class =>
        new WebApplicationFactory<T>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:DataDirectory", data.Path);
            web.UseSetting("Jobs:Schedule", "false");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
}
