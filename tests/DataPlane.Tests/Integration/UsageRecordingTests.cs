using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>Every successful call writes exactly one usage event with who, where, what and how much.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class UsageRecordingTests(DataPlaneFixture fixture)
{
    [Fact]
    public async Task SuccessfulCalls_OneUsageEventEachWithTenantKeyRouteModelTokensAndCost()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard("""
            routes:
              - name: assistant
                candidates: [an/claude]
                strategy: priority
            """));
        var calls = new (string Path, string Body, string Endpoint, string? Route, string Provider, string Upstream, bool Streamed)[]
        {
            ("/v1/chat/completions", Gateway.Chat("route:assistant"), "chat", "assistant", "an", "claude", false),
            ("/v1/chat/completions", Gateway.Chat("ge/gemini", stream: true, extra: ""","stream_options":{"include_usage":true}"""), "chat", null, "ge", "gemini", true),
            ("/v1/messages", Gateway.Messages("oa/gpt"), "messages", null, "oa", "gpt", false),
            ("/v1/messages", Gateway.Messages("oa/gpt", stream: true), "messages", null, "oa", "gpt", true),
            ("/v1/embeddings", """{"model":"oa/embed","input":["a b c","d e f"]}""", "embeddings", null, "oa", "embed", false),
        };

        foreach (var call in calls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, call.Path) { Content = new StringContent(call.Body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
            request.Headers.Add("x-platform-feature", "support");
            request.Headers.Add("x-platform-customer", "acme");
            using var response = await fixture.Client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            await response.Content.ReadAsStringAsync();
        }

        var events = await fixture.WaitForUsageAsync(tenant, calls.Length);
        Assert.Equal(calls.Length, events.Count);
        Guid keyId;
        await using (var db = fixture.Seeder.CreateContext(tenant.Id))
        {
            keyId = await db.ApiKeys.Where(k => k.Name == "app").Select(k => k.Id).SingleAsync();
        }

        foreach (var (call, usage) in calls.Zip(events))
        {
            var what = $"{call.Endpoint} {call.Upstream} streamed={call.Streamed}";
            Assert.Equal(tenant.Id, usage.TenantId);
            Assert.Equal(keyId, usage.ApiKeyId);
            Assert.Equal(call.Endpoint, usage.Endpoint);
            Assert.Equal(call.Route, usage.Route);
            Assert.Equal(call.Provider, usage.Provider);
            Assert.Equal(tenant.Up(call.Upstream), usage.Model);
            Assert.Equal(call.Streamed, usage.Streamed);
            Assert.Equal(200, usage.Status);
            Assert.Null(usage.ErrorClass);
            Assert.Equal("support", usage.Feature);
            Assert.Equal("acme", usage.Customer);
            Assert.True(usage.InputTokens > 0, what);
            Assert.True(call.Endpoint == "embeddings" || usage.OutputTokens > 0, what);
            Assert.True(usage.CostNanoUsd > 0, what);
            Assert.Equal(0, usage.FallbackCount);
            Assert.False(usage.Degraded);
            var attempt = Assert.Single(usage.Attempts);
            Assert.Equal((call.Provider, tenant.Up(call.Upstream), (string?)null), (attempt.Provider, attempt.Model, attempt.ErrorClass));
            Assert.Equal(usage.CostNanoUsd, attempt.CostNanoUsd);
        }
    }

    [Fact]
    public async Task Chat_Metadata_FeatureAndCustomerTakenWhenNoHeader()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key,
            Gateway.Chat("oa/gpt", extra: ""","metadata":{"feature":"triage","customer":"globex"}"""));

        await Gateway.OkJsonAsync(response);
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal(("triage", "globex"), (usage.Feature, usage.Customer));
    }
}
