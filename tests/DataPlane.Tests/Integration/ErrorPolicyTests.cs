using System.Diagnostics;
using Platform.Simulator;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// Each upstream error class against the fallback policy: retried or not (simulator call counts),
/// fallen back or not (headers), the caller's final status and error, and the usage event's attempts.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class ErrorPolicyTests(DataPlaneFixture fixture)
{
    /// <summary>
    /// One retry on transient classes, fallback on everything a policy may name, a breaker that
    /// stays closed. The timeouts only need to end the hang cases; at 800 ms a loaded CI machine
    /// turned a reset into a timeout, so they leave room.
    /// </summary>
    private const string Policy = """
        fallbackPolicies:
          - name: matrix
            perAttemptTimeoutMs: 2500
            firstTokenTimeoutMs: 2500
            overallDeadlineMs: 20000
            maxRetries: 1
            backoffBaseMs: 10
            maxCandidates: 3
            retryOn: [timeout, connection, rate_limited, server_error, overloaded]
            fallbackOn: [timeout, connection, rate_limited, server_error, overloaded, context_length, malformed_response, stream_broken]
            circuitBreaker: { failureRatio: 0.5, minimumThroughput: 100, samplingSeconds: 30, breakSeconds: 5 }
        """;

    public static TheoryData<SimulatorFault, string, int, string, int?> FallingBack => new()
    {
        // fault, primary's provider, calls to the primary (1 = not retried), attempt error class, attempt status
        { SimulatorFault.InternalServerError, "oa", 2, "server_error", 500 },
        { SimulatorFault.BadGateway, "oa", 2, "server_error", 502 },
        { SimulatorFault.ServiceUnavailable, "oa", 2, "overloaded", 503 },
        { SimulatorFault.RateLimited, "oa", 2, "rate_limited", 429 },
        { SimulatorFault.Overloaded, "an", 2, "overloaded", 529 },
        { SimulatorFault.Hang, "oa", 2, "timeout", null },
        { SimulatorFault.Reset, "oa", 2, "connection", null },
        { SimulatorFault.Malformed, "oa", 1, "malformed_response", 200 },
        { SimulatorFault.StreamBreak, "ge", 2, "connection", null },
    };

    public static TheoryData<SimulatorFault, int, string> FinalFailures => new()
    {
        // fault on the only candidate, final status, final error code
        { SimulatorFault.InternalServerError, 502, "server_error" },
        { SimulatorFault.ServiceUnavailable, 503, "overloaded" },
        { SimulatorFault.RateLimited, 429, "rate_limited" },
        { SimulatorFault.Hang, 504, "timeout" },
        { SimulatorFault.Reset, 502, "connection" },
        { SimulatorFault.Malformed, 502, "malformed_response" },
        { SimulatorFault.ContextLength, 400, "context_length_exceeded" },
        { SimulatorFault.ContentFilter, 400, "content_filter" },
        { SimulatorFault.Auth, 502, "auth" },
    };

    [Theory]
    [MemberData(nameof(FallingBack))]
    public async Task Chat_TransientFaultOnPrimary_RetriedAsPolicySaysThenServedByBackup(
        SimulatorFault fault, string provider, int primaryCalls, string errorClass, int? status)
    {
        var tenant = await CreateAsync(provider, "[" + provider + "/primary, oa/backup]", "matrix");
        fixture.Simulator.Scripts.Set(tenant.Up("primary"), new ModelScript { Fault = fault, RetryAfterSeconds = 1 });

        var watch = Stopwatch.StartNew();
        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
        watch.Stop();

        await Gateway.OkJsonAsync(response);
        Assert.Equal(primaryCalls, fixture.Simulator.Stats.GetCalls(tenant.Up("primary")));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("backup"), "ok"));
        Assert.Equal("1", Gateway.Header(response, "x-platform-fallbacks"));
        Assert.Equal((primaryCalls + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Gateway.Header(response, "x-platform-attempts"));
        Assert.Equal("oa", Gateway.Header(response, "x-platform-provider"));
        Assert.Equal(tenant.Up("backup"), Gateway.Header(response, "x-platform-model"));
        if (fault == SimulatorFault.RateLimited)
        {
            // The retry waited for the provider's Retry-After (1 s) rather than the 10 ms backoff.
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.ElapsedMilliseconds} ms");
        }

        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal(200, usage.Status);
        Assert.Null(usage.ErrorClass);
        Assert.Equal(1, usage.FallbackCount);
        Assert.Equal(tenant.Up("backup"), usage.Model);
        var expected = Enumerable.Repeat((tenant.Up("primary"), (string?)errorClass, status), primaryCalls)
            .Append((tenant.Up("backup"), null, null));
        Assert.Equal(expected, usage.Attempts.Select(a => (a.Model, a.ErrorClass, a.Status)));
    }

    [Theory]
    [MemberData(nameof(FinalFailures))]
    public async Task Chat_FaultOnOnlyCandidate_FinalStatusAndOpenAiError(SimulatorFault fault, int status, string code)
    {
        var tenant = await CreateAsync("oa", "[oa/primary]", "matrix");
        fixture.Simulator.Scripts.Set(tenant.Up("primary"), new ModelScript { Fault = fault, RetryAfterSeconds = 1 });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        var error = await Gateway.AssertOpenAiErrorAsync(response, status, code);
        Assert.DoesNotContain("sk-sim-test", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        if (fault == SimulatorFault.RateLimited)
        {
            Assert.Equal("1", Gateway.Header(response, "Retry-After"));
        }

        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal(status, usage.Status);
        Assert.Equal(code == "context_length_exceeded" ? "context_length" : code, usage.ErrorClass);
        Assert.Equal(0L, usage.CostNanoUsd);
        Assert.All(usage.Attempts, a => Assert.Equal(usage.ErrorClass, a.ErrorClass));
        Assert.Equal(fixture.Simulator.Stats.GetCalls(tenant.Up("primary")), usage.Attempts.Count);
    }

    [Fact]
    public async Task Chat_ContextLength_SkipsSameSizeModelAndFallsBackToLargerContext()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Providers + "\nmodels:\n"
            + TenantYaml.Model("small", contextWindow: 8000) + "\n"
            + TenantYaml.Model("same", contextWindow: 8000) + "\n"
            + TenantYaml.Model("big", contextWindow: 200000) + "\n"
            + TenantYaml.Key + "\n" + Policy + """

            routes:
              - name: main
                candidates: [oa/small, oa/same, oa/big]
                strategy: priority
                fallbackPolicy: matrix
            """);
        fixture.Simulator.Scripts.Set(tenant.Up("small"), new ModelScript { Fault = SimulatorFault.ContextLength });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        await Gateway.OkJsonAsync(response);
        Assert.Equal(tenant.Up("big"), Gateway.Header(response, "x-platform-model"));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("small")));
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("same")));
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal(new (string?, int?)[] { ("context_length", 400), (null, null) }, usage.Attempts.Select(a => (a.ErrorClass, a.Status)));
    }

    [Fact]
    public async Task Chat_ContextLengthAndNoLargerModel_400WithoutTryingOthers()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Providers + "\nmodels:\n"
            + TenantYaml.Model("small", contextWindow: 8000) + "\n"
            + TenantYaml.Model("same", contextWindow: 8000) + "\n"
            + TenantYaml.Key + "\n" + Policy + """

            routes:
              - name: main
                candidates: [oa/small, oa/same]
                strategy: priority
                fallbackPolicy: matrix
            """);
        fixture.Simulator.Scripts.Set(tenant.Up("small"), new ModelScript { Fault = SimulatorFault.ContextLength });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        await Gateway.AssertOpenAiErrorAsync(response, 400, "context_length_exceeded");
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("same")));
    }

    [Fact]
    public async Task Chat_ContentFilter_ReturnedAtOnceWithoutRetryOrFallback()
    {
        var tenant = await CreateAsync("oa", "[oa/primary, oa/backup]", "matrix");
        fixture.Simulator.Scripts.Set(tenant.Up("primary"), new ModelScript { Fault = SimulatorFault.ContentFilter });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        await Gateway.AssertOpenAiErrorAsync(response, 400, "content_filter");
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("primary")));
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("backup")));
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal(("content_filter", 400), (usage.ErrorClass, usage.Status));
    }

    [Theory]
    [InlineData("an")]
    [InlineData("ge")]
    public async Task Chat_RefusalAs200FromAnthropicOrGemini_AnsweredAsContentFilterWithoutFallback(string provider)
    {
        var tenant = await CreateAsync(provider, "[" + provider + "/primary, oa/backup]", "matrix");
        fixture.Simulator.Scripts.Set(tenant.Up("primary"), new ModelScript { Fault = SimulatorFault.ContentFilter });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        var body = await Gateway.OkJsonAsync(response);
        Assert.Equal("content_filter", body.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("primary")));
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("backup")));
        Assert.Equal("0", Gateway.Header(response, "x-platform-fallbacks"));
    }

    [Fact]
    public async Task Chat_AuthUnderDefaultPolicy_NotRetriedButFallsBack()
    {
        // Only the default policy falls back on auth: the YAML vocabulary cannot name it.
        var tenant = await CreateAsync("oa", "[oa/primary, an/backup2]", fallbackPolicy: null);
        fixture.Simulator.Scripts.Set(tenant.Up("primary"), new ModelScript { Fault = SimulatorFault.Auth });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        await Gateway.OkJsonAsync(response);
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("primary")));
        Assert.Equal("an", Gateway.Header(response, "x-platform-provider"));
        Assert.Equal("1", Gateway.Header(response, "x-platform-fallbacks"));
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal(new (string?, int?)[] { ("auth", 401), (null, null) }, usage.Attempts.Select(a => (a.ErrorClass, a.Status)));
    }

    [Theory]
    [InlineData(SimulatorFault.ServiceUnavailable, "overloaded")]
    [InlineData(SimulatorFault.Hang, "timeout")]
    public async Task ChatStream_FaultBeforeFirstByte_FallsBackAndStreamsFromBackup(SimulatorFault fault, string errorClass)
    {
        var tenant = await CreateAsync("oa", "[oa/primary, oa/backup]", "matrix");
        fixture.Simulator.Scripts.Set(tenant.Up("primary"), new ModelScript { Fault = fault });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main", stream: true));

        var (chunks, done) = (await SseStream.ReadAsync(response)).OpenAiChunks();
        Assert.True(done);
        Assert.False(string.IsNullOrWhiteSpace(SseStream.Content(chunks)));
        Assert.Equal(tenant.Up("backup"), Gateway.Header(response, "x-platform-model"));
        Assert.Equal("1", Gateway.Header(response, "x-platform-fallbacks"));
        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(tenant.Up("primary")));
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.True(usage.Streamed);
        Assert.Equal(new string?[] { errorClass, errorClass, null }, usage.Attempts.Select(a => a.ErrorClass));
    }

    [Fact]
    public async Task ChatStream_BreakAfterFirstByte_ErrorEventNoFallbackRecordedAsStreamBroken()
    {
        var tenant = await CreateAsync("oa", "[oa/primary, oa/backup]", "matrix");
        fixture.Simulator.Scripts.Set(tenant.Up("primary"), new ModelScript { Fault = SimulatorFault.StreamBreak });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main", "Tell me a long story", stream: true));

        var (chunks, done) = (await SseStream.ReadAsync(response)).OpenAiChunks();
        Assert.False(done, "a broken stream must not end with [DONE]");
        Assert.True(chunks.Count >= 2, "some chunks reached the caller before the break");
        Assert.Equal("chat.completion.chunk", chunks[0].GetProperty("object").GetString());
        var error = chunks[^1].GetProperty("error");
        Assert.Equal("stream_broken", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal(0, fixture.Simulator.Stats.GetCalls(tenant.Up("backup")));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("primary")));
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal((502, "stream_broken", true), (usage.Status, usage.ErrorClass, usage.Streamed));
        Assert.Equal(tenant.Up("primary"), usage.Model);
    }

    [Fact]
    public async Task MessagesStream_BreakAfterFirstByte_EndsWithAnthropicErrorEvent()
    {
        var tenant = await CreateAsync("oa", "[oa/primary]", "matrix");
        fixture.Simulator.Scripts.Set(tenant.Up("primary"), new ModelScript { Fault = SimulatorFault.StreamBreak });

        using var response = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages("route:main", "Tell me a long story", stream: true));

        var events = (await SseStream.ReadAsync(response)).AnthropicEvents();
        Assert.Equal("message_start", events[0].Name);
        Assert.Equal("error", events[^1].Name);
        Assert.Equal("api_error", events[^1].Data.GetProperty("error").GetProperty("type").GetString());
        Assert.DoesNotContain(events, e => e.Name == "message_stop");
    }

    [Fact]
    public async Task Chat_AllCandidatesFailWithDegradedPolicy_200FixedTextMarkedDegraded()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard("""
            fallbackPolicies:
              - name: kind
                maxRetries: 0
                retryOn: []
                fallbackOn: [server_error]
                degraded: { mode: fixedText, text: "Please try again in a minute." }
            routes:
              - name: main
                candidates: [oa/gpt, an/claude]
                strategy: priority
                fallbackPolicy: kind
            """));
        fixture.Simulator.Scripts.Set(tenant.Up("gpt"), new ModelScript { Fault = SimulatorFault.InternalServerError });
        fixture.Simulator.Scripts.Set(tenant.Up("claude"), new ModelScript { Fault = SimulatorFault.InternalServerError });

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));

        var body = await Gateway.OkJsonAsync(response);
        Assert.Equal("Please try again in a minute.", body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("true", Gateway.Header(response, "x-platform-degraded"));
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.True(usage.Degraded);
        Assert.Equal(new string?[] { "server_error", "server_error" }, usage.Attempts.Select(a => a.ErrorClass));
    }

    private Task<TestTenant> CreateAsync(string primaryProvider, string candidates, string? fallbackPolicy)
    {
        var models = TenantYaml.Model("primary", primaryProvider) + "\n" + TenantYaml.Model("backup") + "\n" + TenantYaml.Model("backup2", "an");
        var route = "routes:\n  - name: main\n    candidates: " + candidates + "\n    strategy: priority\n"
            + (fallbackPolicy is null ? "" : "    fallbackPolicy: " + fallbackPolicy + "\n");
        return fixture.CreateTenantAsync(TenantYaml.Providers + "\nmodels:\n" + models + "\n" + TenantYaml.Key + "\n" + Policy + "\n" + route);
    }
}
