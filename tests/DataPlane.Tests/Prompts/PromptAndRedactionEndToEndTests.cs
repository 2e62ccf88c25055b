using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.DataPlane.Tests.Integration;

namespace Platform.DataPlane.Tests.Prompts;

/// <summary>Stored prompts and PII redaction through the real host and the simulator.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class PromptAndRedactionEndToEndTests(DataPlaneFixture fixture)
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    private static string Yaml(int production) => TenantYaml.Standard($$$"""
        routes:
          - name: summary
            candidates: [oa/gpt]
            strategy: priority
            prompt: { name: support-summary, label: production }
          - name: private
            candidates: [oa/gpt]
            strategy: priority
            constraints: { sensitivity: redact }
        prompts:
          - name: support-summary
            versions:
              - version: 1
                messages:
                  - role: system
                    content: You summarise support tickets.
                  - role: user
                    content: "Summarise: {{ticket}}"
                variables: [ticket]
                parameters: { temperature: 0.2, max_tokens: 300 }
              - version: 2
                messages:
                  - role: system
                    content: You summarise support tickets for {{product}} agents, in three short bullet points, politely and with care.
                  - role: user
                    content: "Ticket: {{ticket}}"
                variables: [product, ticket]
                parameters: { temperature: 0.1, max_tokens: 400 }
            labels: { production: {{{production}}}, staging: 2 }
        """);

    private const string Variables = ""","metadata":{"prompt.ticket":"printer on fire","prompt.product":"Acme"}""";

    [Fact]
    public async Task Chat_NamedPrompt_UpstreamGetsRenderedMessagesAndUsageRecordsVersion()
    {
        var tenant = await fixture.CreateTenantAsync(Yaml(production: 1));

        var viaPrompt = await OkAsync(tenant, Gateway.Chat("oa/gpt", "Thanks", extra: Variables), (PromptHeader, "support-summary"));
        var direct = await OkAsync(tenant, """
            {"model":"oa/gpt","temperature":0.2,"max_tokens":300,"messages":[
              {"role":"system","content":"You summarise support tickets."},
              {"role":"user","content":"Summarise: printer on fire"},
              {"role":"user","content":"Thanks"}]}
            """);
        var bare = await OkAsync(tenant, Gateway.Chat("oa/gpt", "Thanks"));

        Assert.Equal(PromptTokens(direct), PromptTokens(viaPrompt));
        Assert.NotEqual(PromptTokens(bare), PromptTokens(viaPrompt));
        Assert.Equal(Content(direct), Content(viaPrompt));

        var events = await fixture.WaitForUsageAsync(tenant, 3);
        var prompted = Assert.Single(events, e => e.PromptName is not null);
        Assert.Equal("support-summary", prompted.PromptName);
        Assert.Equal("production", prompted.PromptLabel);
        Assert.Equal(1, prompted.PromptVersion);
        Assert.All(events, e => Assert.False(e.Redacted));
    }

    [Fact]
    public async Task Chat_RouteBindingAndPinnedVersion_RecordedExactly()
    {
        var tenant = await fixture.CreateTenantAsync(Yaml(production: 1));

        await OkAsync(tenant, Gateway.Chat("route:summary", "Thanks", extra: Variables));
        await OkAsync(tenant, Gateway.Chat("route:summary", "Thanks", extra: Variables), (VersionHeader, "2"));

        var events = await fixture.WaitForUsageAsync(tenant, 2);
        Assert.Contains(events, e => e.PromptName == "support-summary" && e.PromptLabel == "production" && e.PromptVersion == 1);
        Assert.Contains(events, e => e.PromptName == "support-summary" && e.PromptLabel is null && e.PromptVersion == 2);
    }

    [Fact]
    public async Task Chat_MissingVariableOrUnknownPrompt_400()
    {
        var tenant = await fixture.CreateTenantAsync(Yaml(production: 1));

        using (var missing = await SendAsync(tenant, Gateway.Chat("oa/gpt", "Thanks"), (PromptHeader, "support-summary")))
        {
            var error = await Gateway.AssertOpenAiErrorAsync(missing, 400, "missing_required_parameter");
            Assert.Contains("ticket", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        using (var unknown = await SendAsync(tenant, Gateway.Chat("oa/gpt", "Thanks", extra: Variables), (PromptHeader, "nope")))
        {
            await Gateway.AssertOpenAiErrorAsync(unknown, 400, "prompt_not_found");
        }

        using var label = await SendAsync(tenant, Gateway.Chat("oa/gpt", "Thanks", extra: Variables), (PromptHeader, "support-summary"), (LabelHeader, "canary"));
        await Gateway.AssertOpenAiErrorAsync(label, 400, "prompt_not_found");
    }

    [Fact]
    public async Task Chat_LabelMovedInYaml_NextCallsGetNewVersionWithinTwoSeconds()
    {
        var tenant = await fixture.CreateTenantAsync(Yaml(production: 1));
        var body = Gateway.Chat("oa/gpt", "Thanks", extra: Variables);
        var v1 = PromptTokens(await OkAsync(tenant, body, (PromptHeader, "support-summary")));
        var v2 = PromptTokens(await OkAsync(tenant, body, (PromptHeader, "support-summary"), (VersionHeader, "2")));
        Assert.NotEqual(v1, v2);

        await fixture.ApplyAsync(tenant, Yaml(production: 2));
        var changed = DateTime.UtcNow;
        var calls = 3;
        while (PromptTokens(await OkAsync(tenant, body, (PromptHeader, "support-summary"))) != v2)
        {
            Assert.True(DateTime.UtcNow - changed < Promise, $"the moved label was not served within {Promise.TotalSeconds} s");
            await Task.Delay(50);
            calls++;
        }

        var events = await fixture.WaitForUsageAsync(tenant, calls);
        Assert.Equal(calls, events.Count);
        var last = events[^1];
        Assert.Equal("production", last.PromptLabel);
        Assert.Equal(2, last.PromptVersion);
    }

    [Fact]
    public async Task Chat_RedactRouteOrHeader_UpstreamSeesPlaceholdersAndUsageMarksRedacted()
    {
        var tenant = await fixture.CreateTenantAsync(Yaml(production: 1));

        var viaRoute = await OkAsync(tenant, Gateway.Chat("route:private", "Write to jane.doe@example.com or +44 20 7946 0958"));
        var viaHeader = await OkAsync(tenant, Gateway.Chat("oa/gpt", "Write to jane.doe@example.com or +44 20 7946 0958"), ("x-platform-sensitivity", "redact"));
        var placeholders = await OkAsync(tenant, Gateway.Chat("oa/gpt", "Write to [EMAIL] or [PHONE]"));
        var raw = await OkAsync(tenant, Gateway.Chat("oa/gpt", "Write to jane.doe@example.com or +44 20 7946 0958"));

        Assert.Equal(Content(placeholders), Content(viaRoute));
        Assert.Equal(PromptTokens(placeholders), PromptTokens(viaRoute));
        Assert.Equal(Content(placeholders), Content(viaHeader));
        Assert.NotEqual(PromptTokens(raw), PromptTokens(viaRoute));

        var events = await fixture.WaitForUsageAsync(tenant, 4);
        Assert.Equal(2, events.Count(e => e.Redacted));
        Assert.Contains(events, e => e.Redacted && e.Route == "private");
    }

    private const string PromptHeader = "x-platform-prompt";
    private const string LabelHeader = "x-platform-prompt-label";
    private const string VersionHeader = "x-platform-prompt-version";

    private static int PromptTokens(JsonElement answer) => answer.GetProperty("usage").GetProperty("prompt_tokens").GetInt32();

    private static string? Content(JsonElement answer) => answer.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();

    private async Task<JsonElement> OkAsync(TestTenant tenant, string body, params (string Name, string Value)[] headers)
    {
        using var response = await SendAsync(tenant, body, headers);
        return await Gateway.OkJsonAsync(response);
    }

    private async Task<HttpResponseMessage> SendAsync(TestTenant tenant, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await fixture.Client.SendAsync(request);
    }
}
