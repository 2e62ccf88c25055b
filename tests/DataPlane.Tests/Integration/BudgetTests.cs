using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.DataPlane.Hosting;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.Shared.Domain;
using Platform.Simulator;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// Budgets enforced on the request path: hard refuses with 402, soft warns, downgrade re-routes,
/// scopes count only their own calls, and concurrent calls overshoot a hard limit by at most one
/// reservation. Every budget here is a custom period from 2000 to 2100, so no test straddles a period.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class BudgetTests(DataPlaneFixture fixture)
{
    private const string Exceeded = "budget_exceeded";

    [Fact]
    public async Task Chat_HardBudgetSpent_NextCallsRefused402BudgetExceededInEachDialect()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(Budgets(Budget("cap", "tenant", 0.0001m, "hard"))));

        using (var first = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt")))
        {
            await Gateway.OkJsonAsync(first);
        }

        var spent = Assert.Single(await fixture.WaitForUsageAsync(tenant)).CostNanoUsd;
        Assert.True(spent >= 100_000, $"the first call should use up the $0.0001 budget, it cost {spent} nano-USD");

        using var openAi = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt"));
        var error = await Gateway.AssertOpenAiErrorAsync(openAi, 402, Exceeded);
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("'cap'", message, StringComparison.Ordinal);
        Assert.Contains("$0.0001", message, StringComparison.Ordinal);
        Assert.Contains("2100-01-01T00:00:00Z", message, StringComparison.Ordinal);

        using var anthropic = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages("oa/gpt", stream: true));
        var anthropicError = await Gateway.AssertAnthropicErrorAsync(anthropic, 402, "invalid_request_error");
        Assert.Contains("'cap'", anthropicError.GetProperty("message").GetString(), StringComparison.Ordinal);

        var events = await fixture.WaitForUsageAsync(tenant, 3);
        Assert.Equal([200, 402, 402], events.Select(e => e.Status));
        Assert.Equal([0L, 0L], events.Skip(1).Select(e => e.CostNanoUsd));
    }

    [Fact]
    public async Task Embeddings_HardBudgetSpentByChat_Refused402AndRecorded()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(Budgets(Budget("cap", "tenant", 0.0001m, "hard"))));
        const string embedding = """{"model":"oa/embed","input":"budgets hold for embeddings too"}""";
        using (var before = await Gateway.PostAsync(fixture.Client, "/v1/embeddings", tenant.Key, embedding))
        {
            await Gateway.OkJsonAsync(before);
        }

        using (var chat = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt")))
        {
            await Gateway.OkJsonAsync(chat);
        }

        await fixture.WaitForUsageAsync(tenant, 2);
        using var after = await Gateway.PostAsync(fixture.Client, "/v1/embeddings", tenant.Key, embedding);

        var error = await Gateway.AssertOpenAiErrorAsync(after, 402, Exceeded);
        Assert.Contains("'cap'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var events = await fixture.WaitForUsageAsync(tenant, 3);
        Assert.Equal([("embeddings", 200), ("chat", 200), ("embeddings", 402)], events.Select(e => (e.Endpoint, e.Status)));
        Assert.True(events[0].CostNanoUsd > 0, "the admitted embedding is priced");
        Assert.Equal(0, events[2].CostNanoUsd);
        Assert.Empty(events[2].Attempts);
    }

    [Fact]
    public async Task Chat_SoftBudgetSpent_CallServedWithWarningHeader()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(Budgets(Budget("watch", "tenant", 0.0001m, "soft"))));

        using (var first = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt")))
        {
            await Gateway.OkJsonAsync(first);
            Assert.Null(Gateway.Header(first, "x-platform-budget-warning"));
        }

        var spent = Assert.Single(await fixture.WaitForUsageAsync(tenant)).CostNanoUsd;
        using var second = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt"));

        await Gateway.OkJsonAsync(second);
        var percent = Math.Floor(spent * 100m / 100_000m).ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"watch: {percent}% of $0.0001 custom", Gateway.Header(second, "x-platform-budget-warning"));
    }

    [Fact]
    public async Task Chat_DowngradeBudgetSpent_ServedByTheDowngradeTier()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard("""
            tiers:
              - name: cheap
                models: [ge/gemini]
            routes:
              - name: main
                candidates: [an/claude]
                strategy: priority
            """ + "\n" + Budgets(Budget("thrift", "tenant", 0.0001m, "downgrade", "downgradeTier: cheap"))));

        using (var first = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main")))
        {
            await Gateway.OkJsonAsync(first);
            Assert.Equal(tenant.Up("claude"), Gateway.Header(first, "x-platform-model"));
            Assert.Null(Gateway.Header(first, "x-platform-budget-downgraded"));
        }

        await fixture.WaitForUsageAsync(tenant);
        using var second = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main", stream: true));

        await SseStream.ReadAsync(second);
        Assert.Equal(tenant.Up("gemini"), Gateway.Header(second, "x-platform-model"));
        Assert.Equal("cheap", Gateway.Header(second, "x-platform-budget-downgraded"));
        var events = await fixture.WaitForUsageAsync(tenant, 2);
        Assert.Equal([tenant.Up("claude"), tenant.Up("gemini")], events.Select(e => e.Model));
        Assert.Equal(["main", "main"], events.Select(e => e.Route));
    }

    [Fact]
    public async Task Chat_FeatureBudgetSpent_OnlyThatFeaturesCallsRefused()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(Budgets(Budget("alpha-cap", "feature:alpha", 0.0001m, "hard"))));

        using (var first = await PostAsync(tenant.Key, Gateway.Chat("oa/gpt"), feature: "alpha"))
        {
            await Gateway.OkJsonAsync(first);
        }

        await fixture.WaitForUsageAsync(tenant);
        using var byHeader = await PostAsync(tenant.Key, Gateway.Chat("oa/gpt"), feature: "alpha");
        using var byMetadata = await PostAsync(tenant.Key, Gateway.Chat("oa/gpt", extra: ""","metadata":{"feature":"alpha"}"""));
        using var otherFeature = await PostAsync(tenant.Key, Gateway.Chat("oa/gpt"), feature: "beta");
        using var noFeature = await PostAsync(tenant.Key, Gateway.Chat("oa/gpt"));

        await Gateway.AssertOpenAiErrorAsync(byHeader, 402, Exceeded);
        await Gateway.AssertOpenAiErrorAsync(byMetadata, 402, Exceeded);
        await Gateway.OkJsonAsync(otherFeature);
        await Gateway.OkJsonAsync(noFeature);
    }

    [Fact]
    public async Task Chat_KeyBudgetSpent_OnlyThatKeysCallsRefused()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(
            Budgets(Budget("second-cap", "key:second", 0.0001m, "hard")),
            extraKeys: """
              - name: second
                key: ${KEY2}
            """));
        var second = tenant.Key + "_2";

        using (var first = await Gateway.ChatAsync(fixture.Client, second, Gateway.Chat("oa/gpt")))
        {
            await Gateway.OkJsonAsync(first);
        }

        await fixture.WaitForUsageAsync(tenant);
        using var sameKey = await Gateway.ChatAsync(fixture.Client, second, Gateway.Chat("oa/gpt"));
        using var otherKey = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt"));

        await Gateway.AssertOpenAiErrorAsync(sameKey, 402, Exceeded);
        await Gateway.OkJsonAsync(otherKey);
    }

    [Fact]
    public async Task Chat_SpendRecordedByAnotherInstance_CountedOwnInstancesRowsNotCountedTwice()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(Budgets(
            Budget("theirs-cap", "feature:theirs", 0.0001m, "hard"),
            Budget("ours-cap", "feature:ours", 0.0001m, "hard"))));
        var me = fixture.Host.Services.GetRequiredService<DataPlaneInstance>().Id;
        await using (var db = fixture.Seeder.CreateContext(tenant.Id))
        {
            db.UsageEvents.Add(Spend(tenant, "theirs", "dp-elsewhere"));

            // Rows this process wrote are counted from its memory, not from the table.
            db.UsageEvents.Add(Spend(tenant, "ours", me));
            await db.SaveChangesAsync();
        }

        using var theirs = await PostAsync(tenant.Key, Gateway.Chat("oa/gpt"), feature: "theirs");
        using var ours = await PostAsync(tenant.Key, Gateway.Chat("oa/gpt"), feature: "ours");

        await Gateway.AssertOpenAiErrorAsync(theirs, 402, Exceeded);
        await Gateway.OkJsonAsync(ours);
    }

    [Fact]
    public async Task Chat_ConcurrentStreamsOnNearlyExhaustedHardBudget_OvershootAtMostOneReservation()
    {
        const decimal inputPrice = 1m;
        const decimal outputPrice = 2m;
        const int maxTokens = 16;
        const int calls = 40;
        var body = Gateway.Chat("oa/meter", stream: true, extra: $""","max_tokens":{maxTokens}""");

        // What the gate reserves per call: estimated input × input price + max_tokens × output price (per 1M tokens).
        var inputTokens = TokenEstimator.Estimate(OpenAiChatRequestReader.Read(Encoding.UTF8.GetBytes(body)));
        var reservation = (long)((inputTokens * inputPrice + maxTokens * outputPrice) * 1000m);
        var limit = 3 * reservation + reservation / 2;
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Providers + "\nmodels:\n"
            + TenantYaml.Model("meter", input: inputPrice, output: outputPrice) + "\n" + TenantYaml.Key + "\n"
            + Budgets(Budget("cap", "tenant", limit / 1_000_000_000m, "hard")));

        // Every admitted stream stays open a second, so the calls are in flight together.
        fixture.Simulator.Scripts.Set(tenant.Up("meter"), new ModelScript { TtftMs = 1000 });
        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
        {
            using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, body);
            return (Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        var admitted = results.Count(r => r.Status == HttpStatusCode.OK);
        var refused = results.Where(r => r.Status == HttpStatusCode.PaymentRequired).ToList();
        Assert.Equal(calls, admitted + refused.Count);
        Assert.InRange(admitted, 1, calls - 1);
        Assert.All(refused, r => Assert.Contains(Exceeded, r.Body, StringComparison.Ordinal));

        // Admission needs spent + reserved < limit, so the reservations of all admitted calls stay under limit + one.
        Assert.True(admitted * reservation <= limit + reservation, $"{admitted} calls of {reservation} nano-USD admitted under a limit of {limit}");

        var events = await fixture.WaitForUsageAsync(tenant, calls);
        var recorded = events.Sum(e => e.CostNanoUsd);
        Assert.Equal(admitted, events.Count(e => e.Status == 200));
        Assert.True(recorded > 0);
        Assert.True(recorded <= limit + reservation, $"recorded spend {recorded} nano-USD is over limit {limit} + one reservation {reservation}");
    }

    private static string Budgets(params string[] budgets) => "budgets:\n" + string.Join("\n", budgets);

    /// <summary>One <c>budgets</c> item, a custom period from 2000 to 2100; <paramref name="extra"/> is one more field.</summary>
    private static string Budget(string name, string scope, decimal limitUsd, string action, string? extra = null) =>
        $"""
          - name: {name}
            scope: {scope}
            period: custom
            start: 2000-01-01T00:00:00Z
            end: 2100-01-01T00:00:00Z
            limitUsd: {limitUsd.ToString(CultureInfo.InvariantCulture)}
            action: {action}
        """ + (extra is null ? "" : "\n    " + extra);

    private static UsageEvent Spend(TestTenant tenant, string feature, string recordedBy) => new()
    {
        TenantId = tenant.Id,
        Endpoint = "chat",
        Feature = feature,
        Status = 200,
        StartedAt = DateTime.UtcNow,
        CostNanoUsd = 1_000_000,
        RecordedBy = recordedBy,
    };

    private async Task<HttpResponseMessage> PostAsync(string key, string body, string? feature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (feature is not null)
        {
            request.Headers.Add("x-platform-feature", feature);
        }

        return await fixture.Client.SendAsync(request);
    }
}
