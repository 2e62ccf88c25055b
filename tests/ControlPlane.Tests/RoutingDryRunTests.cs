using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.ControlPlane.Tests;

/// <summary>POST /api/v1/routing/dry-run: which candidates a sample request would get, and every reason the others are out.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class RoutingDryRunTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task DryRun_RegionAndToolsRequest_KeepsOnlyTheModelMeetingBoth_WithEveryReasonForTheOthers()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var anywhere = await ModelAsync(admin, provider, region: null, capabilities: ["streaming", "tools"]);
        var euTools = await ModelAsync(admin, provider, region: "eu-west-1", capabilities: ["streaming", "tools"]);
        var euPlain = await ModelAsync(admin, provider, region: "eu", capabilities: ["streaming"]);
        var (route, _) = await PolicyApi.RouteAsync(admin, new { }, anywhere, euPlain, euTools);

        using var viewer = await fixture.SignInAsync("viewer");
        using var response = await viewer.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "route:" + route, inputTokens = 1000, tools = true, region = "eu" });
        var result = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("route", route, true), (result.GetProperty("kind").GetString(), result.GetProperty("name").GetString(), result.GetProperty("wouldServe").GetBoolean()));
        var candidates = Candidates(result);
        Assert.Equal(["region"], candidates[anywhere].Reasons);
        Assert.Equal(["tools"], candidates[euPlain].Reasons);
        Assert.Equal((true, 1), (candidates[euTools].Eligible, candidates[euTools].Order));
        Assert.Contains($"would try {euTools}.", result.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_LeastCostRoute_OrdersEligibleCandidatesByEstimatedCost()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var dear = await ModelAsync(admin, provider, input: 10m, output: 30m);
        var cheap = await ModelAsync(admin, provider, input: 0.5m, output: 1.5m);
        var middle = await ModelAsync(admin, provider, input: 3m, output: 6m);
        var name = PolicyApi.Unique("r");
        await PolicyApi.CreateAsync(admin, "/api/v1/routes", new { name, candidates = new[] { new { model = dear }, new { model = cheap }, new { model = middle } }, strategy = "leastCost" });

        using var response = await admin.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = name, inputTokens = 100_000, maxTokens = 1000 });
        var result = await ControlPlaneFixture.JsonAsync(response);
        var candidates = Candidates(result);

        Assert.Equal("leastCost", result.GetProperty("strategy").GetString());
        Assert.Equal([cheap, middle, dear], candidates.Values.OrderBy(c => c.Order).Select(c => c.Model));
        Assert.Equal(((100_000m * 0.5m) + (1000m * 1.5m)) / 1_000_000m, candidates[cheap].Cost);
        Assert.All(candidates.Values, c => Assert.True(c.Eligible));
    }

    [Fact]
    public async Task DryRun_ContextTooSmallForEveryCandidate_WouldNotServe_AndSaysWhy()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var model = await ModelAsync(admin, provider);
        var (tier, _) = await PolicyApi.TierAsync(admin, model);

        using var response = await admin.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "tier:" + tier, inputTokens = 200_000 });
        var result = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(("tier", false), (result.GetProperty("kind").GetString(), result.GetProperty("wouldServe").GetBoolean()));
        Assert.Equal(["context_window"], Candidates(result)[model].Reasons);
        Assert.Contains("has too small a context window", result.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_KeyLimitedToAnotherRoute_IsRefusedWithTheReason()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var model = await ModelAsync(admin, provider);
        var (route, _) = await PolicyApi.RouteAsync(admin, new { }, model);
        var (other, _) = await PolicyApi.RouteAsync(admin, new { }, model);
        var key = PolicyApi.Unique("k");
        await PolicyApi.CreateAsync(admin, "/api/v1/keys", new { name = key, routes = new[] { other } });

        using var refused = await admin.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "route:" + route, apiKey = key });
        using var allowed = await admin.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "route:" + other, apiKey = key });
        var refusedResult = await ControlPlaneFixture.JsonAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(refusedResult.GetProperty("wouldServe").GetBoolean());
        Assert.Contains($"may not use route '{route}'", refusedResult.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True((await ControlPlaneFixture.JsonAsync(allowed)).GetProperty("wouldServe").GetBoolean());
    }

    [Fact]
    public async Task DryRun_UnknownTargetOrKey_404_BadInput_400()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var unknownRoute = await admin.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "route:no-such-route" });
        using var unknownKey = await admin.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "x/y", apiKey = "no-such-key" });
        using var badSensitivity = await admin.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "route:x", sensitivity = "secret" });
        using var empty = await admin.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "", inputTokens = -1 });

        Assert.Contains("no-such-route", await PolicyApi.ProblemAsync(unknownRoute, HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("no-such-key", await PolicyApi.ProblemAsync(unknownKey, HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("privateOnly", await PolicyApi.FieldErrorAsync(badSensitivity, "sensitivity"), StringComparison.Ordinal);
        await PolicyApi.FieldErrorAsync(empty, "inputTokens");
    }

    [Fact]
    public async Task DryRun_AnotherTenantsRoute_IsNotFound()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var (provider, _) = await PolicyApi.ProviderAsync(globex);
        var model = await ModelAsync(globex, provider);
        var (route, _) = await PolicyApi.RouteAsync(globex, new { }, model);
        using var acme = await fixture.SignInAsync("admin");

        using var own = await globex.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "route:" + route });
        using var foreign = await acme.PostAsJsonAsync("/api/v1/routing/dry-run", new { model = "route:" + route });
        using var foreignModel = await acme.PostAsJsonAsync("/api/v1/routing/dry-run", new { model });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await PolicyApi.ProblemAsync(foreign, HttpStatusCode.NotFound);
        await PolicyApi.ProblemAsync(foreignModel, HttpStatusCode.NotFound);
    }

    private static async Task<string> ModelAsync(
        HttpClient client, string provider, string? region = null, string[]? capabilities = null, decimal input = 1m, decimal output = 2m)
    {
        var name = provider + "/" + PolicyApi.Unique("m");
        await PolicyApi.CreateAsync(client, "/api/v1/models", new
        {
            name,
            contextWindow = 128_000,
            maxOutputTokens = 4096,
            capabilities = capabilities ?? ["streaming", "tools"],
            prices = new { input, output },
            region,
        });
        return name;
    }

    private static Dictionary<string, Seen> Candidates(JsonElement result) =>
        result.GetProperty("candidates").EnumerateArray().ToDictionary(
            c => c.GetProperty("model").GetString()!,
            c => new Seen(
                c.GetProperty("model").GetString()!,
                c.GetProperty("eligible").GetBoolean(),
                c.GetProperty("order").ValueKind == JsonValueKind.Null ? null : c.GetProperty("order").GetInt32(),
                [.. c.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)],
                c.GetProperty("estimatedCostUsd").GetDecimal()));

    private sealed record Seen(string Model, bool Eligible, int? Order, string[] Reasons, decimal Cost);
}
