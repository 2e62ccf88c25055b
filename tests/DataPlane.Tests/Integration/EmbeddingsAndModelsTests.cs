using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.DataPlane.Tests.Integration;

/// <summary><c>/v1/embeddings</c> and <c>/v1/models</c>.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class EmbeddingsAndModelsTests(DataPlaneFixture fixture)
{
    private const string RoutesAndTiers = """
        tiers:
          - name: fast
            models: [oa/gpt, ge/gemini]
        routes:
          - name: assistant
            candidates: [oa/gpt, an/claude]
            strategy: priority
          - name: search
            candidates: [oa/embed]
            strategy: priority
        """;

    [Fact]
    public async Task Embeddings_FloatAndBase64_VectorsPerInputInOpenAiFormat()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(RoutesAndTiers));

        using var floats = await Gateway.PostAsync(fixture.Client, "/v1/embeddings", tenant.Key,
            """{"model":"route:search","input":["first text","second text"],"dimensions":16}""");
        using var base64 = await Gateway.PostAsync(fixture.Client, "/v1/embeddings", tenant.Key,
            """{"model":"oa/embed","input":"one text","encoding_format":"base64"}""");

        var body = await Gateway.OkJsonAsync(floats);
        Assert.Equal("list", body.GetProperty("object").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("embedding", data[i].GetProperty("object").GetString());
            Assert.Equal(i, data[i].GetProperty("index").GetInt32());
            Assert.Equal(16, data[i].GetProperty("embedding").GetArrayLength());
        }

        Assert.True(body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32() > 0);
        Assert.Equal("search", Gateway.Header(floats, "x-platform-route"));
        Assert.Equal(tenant.Up("embed"), Gateway.Header(floats, "x-platform-model"));
        var encoded = (await Gateway.OkJsonAsync(base64)).GetProperty("data")[0].GetProperty("embedding").GetString()!;
        Assert.Equal(64 * sizeof(float), Convert.FromBase64String(encoded).Length);
        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(tenant.Up("embed"), "ok"));
    }

    [Fact]
    public async Task Embeddings_ChatOnlyModel_400NoEligibleCandidate()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.PostAsync(fixture.Client, "/v1/embeddings", tenant.Key, """{"model":"oa/gpt","input":"x"}""");

        await Gateway.AssertOpenAiErrorAsync(response, 400, "no_eligible_candidate");
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task Models_UnrestrictedKey_ListsModelsRoutesAndTiers()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(RoutesAndTiers));

        var ids = await ListAsync(tenant.Key);

        Assert.Equal(
            ["an/claude", "ge/gemini", "oa/embed", "oa/gpt", "route:assistant", "route:search", "tier:fast"],
            ids);
    }

    [Fact]
    public async Task Models_ScopedKey_ListsOnlyWhatTheKeyMayCall()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(RoutesAndTiers, extraKeys: """
              - name: scoped
                key: ${KEY2}
                routes: [assistant]
                models: [oa/gpt]
            """));

        var ids = await ListAsync(tenant.Key + "_2");

        Assert.Equal(["oa/gpt", "route:assistant"], ids);
    }

    [Fact]
    public async Task Models_KeyLimitedToChatEndpoint_403PermissionDenied()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(extraKeys: """
              - name: chat-only
                key: ${KEY2}
                endpoints: [chat]
            """));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key + "_2");
        using var models = await fixture.Client.SendAsync(request);
        using var embeddings = await Gateway.PostAsync(fixture.Client, "/v1/embeddings", tenant.Key + "_2", """{"model":"oa/embed","input":"x"}""");
        using var chat = await Gateway.ChatAsync(fixture.Client, tenant.Key + "_2", Gateway.Chat("oa/gpt"));

        await Gateway.AssertOpenAiErrorAsync(models, 403, "permission_denied");
        await Gateway.AssertOpenAiErrorAsync(embeddings, 403, "permission_denied");
        await Gateway.OkJsonAsync(chat);
    }

    private async Task<List<string>> ListAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await fixture.Client.SendAsync(request);
        var body = await Gateway.OkJsonAsync(response);
        Assert.Equal("list", body.GetProperty("object").GetString());
        return [.. body.GetProperty("data").EnumerateArray().Select(m =>
        {
            Assert.Equal("model", m.GetProperty("object").GetString());
            Assert.Equal(JsonValueKind.Number, m.GetProperty("created").ValueKind);
            return m.GetProperty("id").GetString()!;
        })];
    }
}
