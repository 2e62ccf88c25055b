using System.Net.Http.Headers;
using System.Text;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>Refusals: every one a JSON error in the caller's format with the right status, never a 5xx.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class BadInputTests(DataPlaneFixture fixture)
{
    private const string Scoped = """
        routes:
          - name: open
            candidates: [oa/gpt]
            strategy: priority
          - name: secret
            candidates: [an/claude]
            strategy: priority
        """;

    public static TheoryData<string, string> MalformedOpenAiBodies => new()
    {
        { "{\"model\":\"oa/gpt\",\"messages\":[", "invalid_json" },
        { "not json at all", "invalid_json" },
        { "", "invalid_json" },
        { "[1,2,3]", "invalid_type" },
        { "{\"model\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "invalid_type" },
        { "{\"model\":\"oa/gpt\",\"messages\":\"hi\"}", "invalid_type" },
        { "{\"model\":\"oa/gpt\"}", "missing_required_parameter" },
        { "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "missing_required_parameter" },
        { "{\"model\":\"oa/gpt\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}", "invalid_value" },
        { "{\"model\":\"oa/gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":\"ten\"}", "invalid_type" },
        { "{\"model\":\"oa/gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":-3}", "invalid_value" },
        { "{\"model\":\"oa/gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":\"yes\"}", "invalid_type" },
    };

    [Theory]
    [MemberData(nameof(MalformedOpenAiBodies))]
    public async Task ChatCompletions_MalformedBody_400WithCode(string body, string code)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, body);

        await Gateway.AssertOpenAiErrorAsync(response, 400, code);
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Theory]
    [InlineData("{\"model\":\"an/claude\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")]
    [InlineData("{\"model\":\"an/claude\",\"max_tokens\":\"many\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")]
    [InlineData("{\"model\":\"an/claude\",\"max_tokens\":10,\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}")]
    [InlineData("{\"model\":\"an/claude\",\"max_tokens\":10,\"messages\":")]
    public async Task Messages_MalformedBody_400InAnthropicShape(string body)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.MessagesAsync(fixture.Client, tenant.Key, body);

        await Gateway.AssertAnthropicErrorAsync(response, 400, "invalid_request_error");
    }

    [Theory]
    [InlineData("oa/nope", "model_not_found")]
    [InlineData("nope", "model_not_found")]
    [InlineData("route:nope", "model_not_found")]
    [InlineData("tier:nope", "model_not_found")]
    public async Task ChatCompletions_UnknownModelRouteOrTier_404ModelNotFound(string model, string code)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat(model));

        var error = await Gateway.AssertOpenAiErrorAsync(response, 404, code);
        Assert.Equal("model", error.GetProperty("param").GetString());
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal(404, usage.Status);
        Assert.Empty(usage.Attempts);
    }

    [Fact]
    public async Task Messages_UnknownModel_404InAnthropicShape()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages("an/nope"));

        await Gateway.AssertAnthropicErrorAsync(response, 404, "not_found_error");
    }

    [Theory]
    [InlineData("route:secret")]
    [InlineData("an/claude")]
    [InlineData("tier:any")]
    public async Task ChatCompletions_KeyScopedToOtherRoute_403PermissionDenied(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(Scoped + """

            tiers:
              - name: any
                models: [oa/gpt]
            """, extraKeys: """
              - name: scoped
                key: ${KEY2}
                routes: [open]
                models: [oa/gpt]
            """));

        using var denied = await Gateway.ChatAsync(fixture.Client, tenant.Key + "_2", Gateway.Chat(model));
        using var allowed = await Gateway.ChatAsync(fixture.Client, tenant.Key + "_2", Gateway.Chat("route:open"));
        using var anthropic = await Gateway.MessagesAsync(fixture.Client, tenant.Key + "_2", Gateway.Messages(model));

        await Gateway.AssertOpenAiErrorAsync(denied, 403, "permission_denied");
        await Gateway.OkJsonAsync(allowed);
        await Gateway.AssertAnthropicErrorAsync(anthropic, 403, "permission_error");
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("claude")));
    }

    [Fact]
    public async Task ChatCompletions_BodyOverLimit_413InBothFormats()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        var huge = Gateway.Chat("oa/gpt", new string('a', DataPlaneFixture.MaxRequestBodyBytes + 1));

        using var openAi = await Gateway.ChatAsync(fixture.Client, tenant.Key, huge);
        using var anthropic = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages("oa/gpt", new string('a', DataPlaneFixture.MaxRequestBodyBytes + 1)));
        using var chunked = await PostChunkedAsync(tenant.Key, huge);

        await Gateway.AssertOpenAiErrorAsync(openAi, 413, "request_too_large");
        await Gateway.AssertAnthropicErrorAsync(anthropic, 413, "request_too_large");
        await Gateway.AssertOpenAiErrorAsync(chunked, 413, "request_too_large");
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("gpt")));
    }

    [Fact]
    public async Task ChatCompletions_MissingOrUnknownKey_401WithCodes()
    {
        using var missing = await Gateway.PostAsync(fixture.Client, "/v1/chat/completions", null, Gateway.Chat("oa/gpt"));
        using var unknown = await Gateway.ChatAsync(fixture.Client, "plt_never_issued_0000000000000000", Gateway.Chat("oa/gpt"));
        using var basic = await SendWithAuthorizationAsync(new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz"));
        using var anthropicMissing = await Gateway.PostAsync(fixture.Client, "/v1/messages", null, Gateway.Messages("oa/gpt"));
        using var anthropicUnknown = await Gateway.MessagesAsync(fixture.Client, "plt_never_issued_0000000000000000", Gateway.Messages("oa/gpt"));

        await Gateway.AssertOpenAiErrorAsync(missing, 401, "missing_api_key");
        var error = await Gateway.AssertOpenAiErrorAsync(unknown, 401, "invalid_api_key");
        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
        await Gateway.AssertOpenAiErrorAsync(basic, 401, "missing_api_key");
        await Gateway.AssertAnthropicErrorAsync(anthropicMissing, 401, "authentication_error");
        await Gateway.AssertAnthropicErrorAsync(anthropicUnknown, 401, "authentication_error");
    }

    [Fact]
    public async Task ChatCompletions_InvalidConstraintHeader_400InvalidHeader()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(Gateway.Chat("oa/gpt"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        request.Headers.Add("x-platform-max-latency-ms", "soon");

        using var response = await fixture.Client.SendAsync(request);

        await Gateway.AssertOpenAiErrorAsync(response, 400, "invalid_header");
    }

    [Fact]
    public async Task ChatCompletions_RegionNoCandidateServes_400NoEligibleCandidate()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(Gateway.Chat("oa/gpt"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        request.Headers.Add("x-platform-region", "us");

        using var response = await fixture.Client.SendAsync(request);

        await Gateway.AssertOpenAiErrorAsync(response, 400, "no_eligible_candidate");
    }

    [Fact]
    public async Task UnknownPath_404UnknownUrl()
    {
        using var response = await fixture.Client.GetAsync("/v1/completions-that-do-not-exist");

        await Gateway.AssertOpenAiErrorAsync(response, 404, "unknown_url");
    }

    private async Task<HttpResponseMessage> SendWithAuthorizationAsync(AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(Gateway.Chat("oa/gpt"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = authorization;
        return await fixture.Client.SendAsync(request);
    }

    /// <summary>No Content-Length: the limit must hold while the body is read, not only from the header.</summary>
    private async Task<HttpResponseMessage> PostChunkedAsync(string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await fixture.Client.SendAsync(request);
    }
}
