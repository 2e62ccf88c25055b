using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>Requests and tokens per minute, per key and per tenant, through the real host.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class RateLimitTests(DataPlaneFixture fixture)
{
    private static readonly TimeSpan EnoughOfTheMinute = TimeSpan.FromSeconds(15);

    private static string LimitedKey(string limits) => TenantYaml.Providers + "\n" + TenantYaml.Models + "\n" + $$"""
        apiKeys:
          - name: app
            key: ${KEY}
            {{limits}}
        """;

    [Fact]
    public async Task Chat_KeyRpmThree_FourthCall429WithRetryAfterAndHeaders()
    {
        var tenant = await fixture.CreateTenantAsync(LimitedKey("requestsPerMinute: 3"));
        await WithinOneWindowAsync();

        var remaining = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            using var admitted = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt"));
            await Gateway.OkJsonAsync(admitted);
            Assert.Equal("3", Gateway.Header(admitted, "x-ratelimit-limit-requests"));
            remaining.Add(Gateway.Header(admitted, "x-ratelimit-remaining-requests"));
        }

        using var refused = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt"));

        Assert.Equal(["2", "1", "0"], remaining);
        var error = await Gateway.AssertOpenAiErrorAsync(refused, 429, "rate_limit_exceeded");
        Assert.Equal("rate_limit_error", error.GetProperty("type").GetString());
        Assert.Contains("API key: 3 requests per minute", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var retryAfter = int.Parse(Gateway.Header(refused, "Retry-After")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("3", Gateway.Header(refused, "x-ratelimit-limit-requests"));
        Assert.Equal("0", Gateway.Header(refused, "x-ratelimit-remaining-requests"));
        Assert.Equal(retryAfter + "s", Gateway.Header(refused, "x-ratelimit-reset-requests"));
        Assert.Null(Gateway.Header(refused, "x-ratelimit-limit-tokens"));
    }

    [Fact]
    public async Task Messages_KeyRpmReached_AnthropicShaped429()
    {
        var tenant = await fixture.CreateTenantAsync(LimitedKey("requestsPerMinute: 1"));
        await WithinOneWindowAsync();

        using (var admitted = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages("an/claude")))
        {
            await Gateway.OkJsonAsync(admitted);
        }

        using var refused = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages("an/claude"));

        var error = await Gateway.AssertAnthropicErrorAsync(refused, 429, "rate_limit_error");
        Assert.Contains("1 requests per minute", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(Gateway.Header(refused, "Retry-After"));
        Assert.Equal("0", Gateway.Header(refused, "x-ratelimit-remaining-requests"));
    }

    [Fact]
    public async Task Embeddings_KeyRpmReached_OpenAiShaped429()
    {
        var tenant = await fixture.CreateTenantAsync(LimitedKey("requestsPerMinute: 1"));
        await WithinOneWindowAsync();
        const string Body = """{"model":"oa/embed","input":"one text"}""";

        using (var admitted = await Gateway.PostAsync(fixture.Client, "/v1/embeddings", tenant.Key, Body))
        {
            await Gateway.OkJsonAsync(admitted);
        }

        using var refused = await Gateway.PostAsync(fixture.Client, "/v1/embeddings", tenant.Key, Body);

        await Gateway.AssertOpenAiErrorAsync(refused, 429, "rate_limit_exceeded");
    }

    [Fact]
    public async Task Chat_TenantRpmAcrossTwoKeys_RefusedOnceTheirSumReachesIt()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(
            more: "requestsPerMinute: 3",
            extraKeys: """
                  - name: second
                    key: ${KEY2}
                """));
        var second = tenant.Key + "_2";
        await DataPlaneFixture.WaitUntilServedAsync(fixture.Client, second);
        await WithinOneWindowAsync();

        var statuses = new List<HttpStatusCode>();
        foreach (var key in new[] { tenant.Key, second, tenant.Key })
        {
            using var admitted = await Gateway.ChatAsync(fixture.Client, key, Gateway.Chat("oa/gpt", stream: true));
            statuses.Add(admitted.StatusCode);
            Assert.Equal("3", Gateway.Header(admitted, "x-ratelimit-limit-requests"));
            await admitted.Content.ReadAsStringAsync();
        }

        using var refused = await Gateway.ChatAsync(fixture.Client, second, Gateway.Chat("oa/gpt"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        var error = await Gateway.AssertOpenAiErrorAsync(refused, 429, "rate_limit_exceeded");
        Assert.Contains("tenant: 3 requests per minute", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_KeyTpmBelowOneCallsTokens_NextCall429()
    {
        const int Tpm = 2;
        var tenant = await fixture.CreateTenantAsync(LimitedKey($"tokensPerMinute: {Tpm}"));
        await WithinOneWindowAsync();
        using (var first = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt")))
        {
            await Gateway.OkJsonAsync(first);
            Assert.Equal(("2", "2"), (Gateway.Header(first, "x-ratelimit-limit-tokens"), Gateway.Header(first, "x-ratelimit-remaining-tokens")));
        }

        // Written after the call is settled: its tokens are in the window by then.
        var used = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        using var refused = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt"));

        Assert.True(used.InputTokens + used.OutputTokens > Tpm, $"the first call used only {used.InputTokens + used.OutputTokens} tokens");
        var error = await Gateway.AssertOpenAiErrorAsync(refused, 429, "rate_limit_exceeded");
        Assert.Contains($"API key: {Tpm} tokens per minute", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("0", Gateway.Header(refused, "x-ratelimit-remaining-tokens"));
        Assert.Null(Gateway.Header(refused, "x-ratelimit-limit-requests"));
    }

    [Fact]
    public async Task Chat_Refused_RecordedAsUsageWithStatus429()
    {
        var tenant = await fixture.CreateTenantAsync(LimitedKey("requestsPerMinute: 1"));
        await WithinOneWindowAsync();
        using (var admitted = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt")))
        {
            await Gateway.OkJsonAsync(admitted);
        }

        using (var refused = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        var events = await fixture.WaitForUsageAsync(tenant, 2);
        Guid keyId;
        await using (var db = fixture.Seeder.CreateContext(tenant.Id))
        {
            keyId = await db.ApiKeys.Where(k => k.Name == "app").Select(k => k.Id).SingleAsync();
        }

        Assert.Equal([200, 429], events.Select(e => e.Status).Order());
        var refusal = Assert.Single(events, e => e.Status == 429);
        Assert.Equal((keyId, "chat", (string?)null, 0, 0L), (refusal.ApiKeyId!.Value, refusal.Endpoint, refusal.Provider, refusal.InputTokens, refusal.CostNanoUsd));
        Assert.Empty(refusal.Attempts);
    }

    [Fact]
    public async Task Chat_NoLimits_NoRateLimitHeaders()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt"));

        await Gateway.OkJsonAsync(response);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("x-ratelimit-", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Windows are UTC minutes on the host's real clock: with less than <see cref="EnoughOfTheMinute"/>
    /// left, the test starts in the next one, so its calls cannot straddle a reset.
    /// </summary>
    private static async Task WithinOneWindowAsync()
    {
        var left = TimeSpan.FromTicks(TimeSpan.TicksPerMinute - (DateTime.UtcNow.Ticks % TimeSpan.TicksPerMinute));
        if (left < EnoughOfTheMinute)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(50));
        }
    }
}
