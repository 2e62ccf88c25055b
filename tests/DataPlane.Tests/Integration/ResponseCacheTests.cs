using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.Simulator;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// The exact-match response cache end to end: a hit answers without an upstream call (the
/// simulator's call count proves it), in either dialect, as JSON or a replayed stream, per tenant,
/// never for sensitive or uncached routes, recorded as a hit at no cost.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class ResponseCacheTests(DataPlaneFixture fixture)
{
    private const string CachedRoute = """
        routes:
          - name: main
            candidates: [oa/gpt]
            strategy: priority
            cache: { enabled: true, ttlSeconds: 600 }
        """;

    [Fact]
    public async Task Chat_SecondIdenticalRequest_HitWithoutUpstreamCall()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));

        using var first = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
        var firstBody = await Gateway.OkJsonAsync(first);
        using var second = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
        var secondBody = await Gateway.OkJsonAsync(second);

        Assert.Equal("miss", Gateway.Header(first, "x-platform-cache"));
        Assert.Equal("hit", Gateway.Header(second, "x-platform-cache"));
        Assert.Equal(Content(firstBody), Content(secondBody));
        Assert.Equal("stop", secondBody.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(("oa", tenant.Up("gpt")), (Gateway.Header(second, "x-platform-provider"), Gateway.Header(second, "x-platform-model")));
        Assert.Equal("0", Gateway.Header(second, "x-platform-attempts"));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Chat_WhitespaceAndKeyOrderDiffer_HitAndChangedContentMisses()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        await OkAsync(tenant, """{"model":"route:main","temperature":0.5,"messages":[{"role":"user","content":"Same question"}]}""");

        using var reordered = await Gateway.ChatAsync(fixture.Client, tenant.Key, """
            {
                "messages" : [ { "content" : "Same question", "role" : "user" } ],
                "temperature" : 0.50,
                "model" : "main"
            }
            """);
        await Gateway.OkJsonAsync(reordered);
        Assert.Equal("hit", Gateway.Header(reordered, "x-platform-cache"));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));

        using var otherText = await Gateway.ChatAsync(fixture.Client, tenant.Key, """{"model":"route:main","temperature":0.5,"messages":[{"role":"user","content":"Other question"}]}""");
        await Gateway.OkJsonAsync(otherText);
        using var otherTemperature = await Gateway.ChatAsync(fixture.Client, tenant.Key, """{"model":"route:main","temperature":0.9,"messages":[{"role":"user","content":"Same question"}]}""");
        await Gateway.OkJsonAsync(otherTemperature);

        Assert.Equal(("miss", "miss"), (Gateway.Header(otherText, "x-platform-cache"), Gateway.Header(otherTemperature, "x-platform-cache")));
        Assert.Equal(3, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Chat_StreamAfterJson_ReplayedAsOpenAiSseWithUsageAndDone()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        var text = Content(await OkAsync(tenant, Gateway.Chat("route:main")));

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key,
            Gateway.Chat("route:main", stream: true, extra: ""","stream_options":{"include_usage":true}"""));

        var (chunks, done) = (await SseStream.ReadAsync(response)).OpenAiChunks();
        Assert.Equal("hit", Gateway.Header(response, "x-platform-cache"));
        Assert.True(done, "the replayed stream did not end with [DONE]");
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal(text, SseStream.Content(chunks));
        Assert.Contains(chunks, c => c.GetProperty("choices").GetArrayLength() > 0
            && c.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind == JsonValueKind.String);
        var usage = chunks[^1];
        Assert.Equal(0, usage.GetProperty("choices").GetArrayLength());
        Assert.True(usage.GetProperty("usage").GetProperty("completion_tokens").GetInt32() > 0);
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Messages_StreamAfterOpenAiJson_ReplayedAsAnthropicEvents()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        // Same conversation and max_tokens as Gateway.Messages: one answer serves both dialects.
        var text = Content(await OkAsync(tenant, Gateway.Chat("route:main", extra: ""","max_tokens":256""")));

        using var response = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages("route:main", stream: true));

        var events = (await SseStream.ReadAsync(response)).AnthropicEvents();
        Assert.Equal("hit", Gateway.Header(response, "x-platform-cache"));
        Assert.Equal("message_start", events[0].Name);
        Assert.Equal("message_stop", events[^1].Name);
        Assert.Equal(text, string.Concat(events
            .Where(e => e.Name == "content_block_delta")
            .Select(e => e.Data.GetProperty("delta").GetProperty("text").GetString())));
        var delta = Assert.Single(events, e => e.Name == "message_delta").Data;
        Assert.Equal("end_turn", delta.GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Chat_JsonAfterCompletedStream_HitWithTheStreamedText()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        using var stream = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main", stream: true));
        var streamed = SseStream.Content((await SseStream.ReadAsync(stream)).OpenAiChunks().Chunks);

        using var json = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        var body = await Gateway.OkJsonAsync(json);
        Assert.Equal("miss", Gateway.Header(stream, "x-platform-cache"));
        Assert.Equal("hit", Gateway.Header(json, "x-platform-cache"));
        Assert.Equal(streamed, Content(body));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Chat_StreamBrokenMidway_NotStored()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        fixture.Simulator.Scripts.Set(tenant.Up("gpt"), new ModelScript { Fault = SimulatorFault.StreamBreak });
        using (var broken = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main", "Tell me a long story", stream: true)))
        {
            Assert.False((await SseStream.ReadAsync(broken)).Events.Any(e => e.Data == "[DONE]"), "the stream should have broken");
        }

        fixture.Simulator.Scripts.Remove(tenant.Up("gpt"));
        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main", "Tell me a long story"));

        await Gateway.OkJsonAsync(response);
        Assert.Equal("miss", Gateway.Header(response, "x-platform-cache"));
        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Theory]
    [InlineData("constraints: { sensitivity: redact }", null)]
    [InlineData("constraints: { sensitivity: privateOnly, region: eu }", null)]
    [InlineData("", "redact")]
    public async Task Chat_SensitiveRouteOrCall_NeverCached(string routeConstraints, string? callSensitivity)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute + "\n    " + routeConstraints));

        for (var i = 0; i < 2; i++)
        {
            using var request = callSensitivity is null
                ? Request(tenant, Gateway.Chat("route:main"))
                : Request(tenant, Gateway.Chat("route:main"), ("x-platform-sensitivity", callSensitivity));
            using var response = await fixture.Client.SendAsync(request);
            await Gateway.OkJsonAsync(response);
            Assert.Equal("none", Gateway.Header(response, "x-platform-cache"));
        }

        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Chat_RouteWithoutCache_NeverCached()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard("""
            routes:
              - name: main
                candidates: [oa/gpt]
                strategy: priority
            """));

        await OkAsync(tenant, Gateway.Chat("route:main"));
        using var second = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
        await Gateway.OkJsonAsync(second);

        Assert.Equal("none", Gateway.Header(second, "x-platform-cache"));
        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Chat_CallerSaysNoCache_ReachesUpstreamMarkedBypass()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        await OkAsync(tenant, Gateway.Chat("route:main"));

        using var request = Request(tenant, Gateway.Chat("route:main"), ("x-platform-cache", "no-cache"));
        using var response = await fixture.Client.SendAsync(request);

        await Gateway.OkJsonAsync(response);
        Assert.Equal("bypass", Gateway.Header(response, "x-platform-cache"));
        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Chat_Hit_RecordedAsCacheHitWithOriginalModelAndNoCost()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        await OkAsync(tenant, Gateway.Chat("route:main"));
        await OkAsync(tenant, Gateway.Chat("route:main"));

        var events = await fixture.WaitForUsageAsync(tenant, 2);

        Assert.Equal(2, events.Count);
        var (miss, hit) = (events[0], events[1]);
        Assert.False(miss.CacheHit);
        Assert.True(miss.CostNanoUsd > 0);
        Assert.True(hit.CacheHit);
        Assert.Equal(0, hit.CostNanoUsd);
        Assert.Equal((0, 0), (hit.InputTokens, hit.OutputTokens));
        Assert.Equal(("oa", tenant.Up("gpt"), "main", 200), (hit.Provider, hit.Model, hit.Route, hit.Status));
        Assert.Empty(hit.Attempts);
        Assert.False(hit.Degraded);
    }

    [Fact]
    public async Task Chat_SameRequestOtherTenant_NeverGetsTheFirstTenantsAnswer()
    {
        var first = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        var second = await fixture.CreateTenantAsync(TenantYaml.Standard(CachedRoute));
        var firstText = Content(await OkAsync(first, Gateway.Chat("route:main")));

        using var response = await Gateway.ChatAsync(fixture.Client, second.Key, Gateway.Chat("route:main"));

        var body = await Gateway.OkJsonAsync(response);
        Assert.Equal("miss", Gateway.Header(response, "x-platform-cache"));
        Assert.Equal(second.Up("gpt"), Gateway.Header(response, "x-platform-model"));
        // The simulator's answer is seeded by the upstream model id, which differs per tenant.
        Assert.NotEqual(firstText, Content(body));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(second.Up("gpt")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Chat_AllCandidatesFailWithCachedAnswerPolicy_StoredAnswerMarkedDegraded(bool stream)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard("""
            fallbackPolicies:
              - name: remembered
                maxRetries: 0
                retryOn: []
                fallbackOn: [server_error]
                degraded: { mode: cachedAnswer }
            routes:
              - name: main
                candidates: [oa/gpt]
                strategy: priority
                fallbackPolicy: remembered
            """));
        var text = Content(await OkAsync(tenant, Gateway.Chat("route:main")));
        fixture.Simulator.Scripts.Set(tenant.Up("gpt"), new ModelScript { Fault = SimulatorFault.InternalServerError });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main", stream: stream));

        var served = stream
            ? SseStream.Content((await SseStream.ReadAsync(response)).OpenAiChunks().Chunks)
            : Content(await Gateway.OkJsonAsync(response));
        Assert.Equal(text, served);
        Assert.Equal(("true", "hit"), (Gateway.Header(response, "x-platform-degraded"), Gateway.Header(response, "x-platform-cache")));
        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
        var usage = (await fixture.WaitForUsageAsync(tenant, 2))[1];
        Assert.Equal((true, true, 0L), (usage.Degraded, usage.CacheHit, usage.CostNanoUsd));
        Assert.Equal(tenant.Up("gpt"), usage.Model);
        Assert.Equal("server_error", Assert.Single(usage.Attempts).ErrorClass);
    }

    [Fact]
    public async Task Chat_AllCandidatesFailWithCachedAnswerPolicyAndNothingStored_Error()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard("""
            fallbackPolicies:
              - name: remembered
                maxRetries: 0
                retryOn: []
                degraded: { mode: cachedAnswer }
            routes:
              - name: main
                candidates: [oa/gpt]
                strategy: priority
                fallbackPolicy: remembered
            """));
        fixture.Simulator.Scripts.Set(tenant.Up("gpt"), new ModelScript { Fault = SimulatorFault.InternalServerError });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        await Gateway.AssertOpenAiErrorAsync(response, 502, "server_error");
    }

    private async Task<JsonElement> OkAsync(TestTenant tenant, string body)
    {
        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, body);
        return await Gateway.OkJsonAsync(response);
    }

    private static string? Content(JsonElement body) =>
        body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();

    private static HttpRequestMessage Request(TestTenant tenant, string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }
}
