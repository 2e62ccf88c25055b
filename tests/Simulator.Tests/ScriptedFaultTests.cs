using System.Net;
using System.Text;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class ScriptedFaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = fixture.Client;
    private readonly SimulatorServer _server = fixture.Server;

    [Theory]
    [InlineData(Wire.OpenAi)]
    [InlineData(Wire.Anthropic)]
    [InlineData(Wire.Gemini)]
    public async Task ControlApi_FailFirstTwo_FailsTwiceThenRecovers(Wire wire)
    {
        var model = Api.UniqueModel("flaky");
        using var put = await PutScriptAsync(model, """{"fault":"503","failFirst":2}""");
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 4; call++)
        {
            var (status, _) = await Api.SendJsonAsync(_client, Api.Chat(wire, model));
            statuses.Add(status);
        }

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(4, _server.Stats.GetCalls(model));
        Assert.Equal(2, _server.Stats.GetCalls(model, "503"));
        Assert.Equal(2, _server.Stats.GetCalls(model, SimulatorStats.Ok));
    }

    [Fact]
    public async Task InProcessScript_RateLimited_SendsScriptedRetryAfter()
    {
        var model = Api.UniqueModel("limited");
        _server.Scripts.Set(model, new ModelScript { Fault = SimulatorFault.RateLimited, RetryAfterSeconds = 9 });

        using var response = await _client.SendAsync(Api.Chat(Wire.Anthropic, model));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("9", Assert.Single(response.Headers.GetValues("Retry-After")));
    }

    [Fact]
    public async Task InProcessScript_FailFirstOne_RecoversOnSecondCall()
    {
        var model = Api.UniqueModel("once");
        _server.Scripts.Set(model, new ModelScript { Fault = SimulatorFault.Auth, FailFirst = 1 });

        var (first, _) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, model));
        var (second, _) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, model));

        Assert.Equal(HttpStatusCode.Unauthorized, first);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    [Fact]
    public async Task Script_ContextWindow_RejectsOnlyPromptsAboveIt()
    {
        var model = Api.UniqueModel("small");
        _server.Scripts.Set(model, new ModelScript { ContextWindow = 50 });

        var (shortStatus, _) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, model, user: "short"));
        var (longStatus, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, model, user: new string('x', 400)));

        Assert.Equal(HttpStatusCode.OK, shortStatus);
        Assert.Equal(HttpStatusCode.BadRequest, longStatus);
        Assert.Matches(@"^prompt is too long: 1\d\d tokens > 50 maximum$", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(1, _server.Stats.GetCalls(model, "context-length"));
    }

    [Fact]
    public async Task Script_ContextWindowOnOpenAi_ReportsContextLengthExceeded()
    {
        var model = Api.UniqueModel("small");
        _server.Scripts.Set(model, new ModelScript { ContextWindow = 20 });

        var (status, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, model, user: new string('y', 200)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("context_length_exceeded", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("maximum context length is 20 tokens", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Script_CachedTokens_ReportedInUsage()
    {
        var model = Api.UniqueModel("cached");
        _server.Scripts.Set(model, new ModelScript { CachedTokens = 16 });

        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Gemini, model, user: new string('z', 200)));

        Assert.Equal(16, body.GetProperty("usageMetadata").GetProperty("cachedContentTokenCount").GetInt32());
    }

    [Fact]
    public async Task Script_Hang_DoesNotAnswerBeforeClientGivesUp()
    {
        var model = Api.UniqueModel("hung");
        _server.Scripts.Set(model, new ModelScript { Fault = SimulatorFault.Hang });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _client.SendAsync(Api.Chat(Wire.Gemini, model), timeout.Token));
    }

    [Fact]
    public async Task Script_Reset_AbortsTheConnection()
    {
        var model = Api.UniqueModel("reset");
        using var put = await PutScriptAsync(model, """{"fault":"reset"}""");

        await Transport.AssertFailsAsync(() => _client.SendAsync(Api.Chat(Wire.OpenAi, model)));
        Assert.Equal(1, _server.Stats.GetCalls(model, "reset"));
    }

    [Fact]
    public async Task Script_StreamBreak_BreaksTheStream()
    {
        var model = Api.UniqueModel("broken");
        _server.Scripts.Set(model, new ModelScript { Fault = SimulatorFault.StreamBreak });

        using var request = Api.Chat(Wire.Gemini, model, stream: true);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var (lines, failure) = await Transport.ReadLinesAsync(response);

        Assert.NotNull(failure);
        Assert.DoesNotContain(lines, line => line.Contains("usageMetadata", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Script_Malformed_Returns200WithUnparseableJson()
    {
        var model = Api.UniqueModel("garbled");
        using var put = await PutScriptAsync(model, """{"fault":"malformed"}""");

        using var response = await _client.SendAsync(Api.Chat(Wire.Anthropic, model));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Api.Parse(text));
    }

    [Fact]
    public async Task Script_LongLatency_DoesNotAnswerWithinShortTimeout()
    {
        var model = Api.UniqueModel("slow");
        using var put = await PutScriptAsync(model, """{"latencyMs":5000}""");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _client.SendAsync(Api.Chat(Wire.OpenAi, model), timeout.Token));
    }

    [Fact]
    public async Task FaultHeader_None_OverridesTheModelScript()
    {
        var model = Api.UniqueModel("overridden");
        _server.Scripts.Set(model, new ModelScript { Fault = SimulatorFault.InternalServerError });

        var (scripted, _) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, model));
        var (overridden, _) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, model, headers: (SimulatorHeaders.Fault, "none")));
        var (otherFault, _) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, model, headers: (SimulatorHeaders.Fault, "502")));

        Assert.Equal(HttpStatusCode.InternalServerError, scripted);
        Assert.Equal(HttpStatusCode.OK, overridden);
        Assert.Equal(HttpStatusCode.BadGateway, otherFault);
    }

    [Fact]
    public async Task AnyModelScript_AppliesToModelsWithoutTheirOwnScript()
    {
        await using var server = await SimulatorServer.StartAsync();
        using var client = server.CreateClient();
        server.Scripts.Set(ScriptRegistry.AnyModel, new ModelScript { Fault = SimulatorFault.BadGateway });
        server.Scripts.Set("healthy", new ModelScript { LatencyMs = 1 });

        var (unscripted, _) = await Api.SendJsonAsync(client, Api.Chat(Wire.OpenAi, "anything"));
        var (scripted, _) = await Api.SendJsonAsync(client, Api.Chat(Wire.OpenAi, "healthy"));

        Assert.Equal(HttpStatusCode.BadGateway, unscripted);
        Assert.Equal(HttpStatusCode.OK, scripted);
    }

    [Fact]
    public async Task ControlApi_DeleteModelScript_RestoresNormalBehaviour()
    {
        var model = Api.UniqueModel("healed");
        using var put = await PutScriptAsync(model, """{"fault":"500"}""");
        var (before, _) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, model));

        using var delete = await _client.DeleteAsync($"_sim/models/{model}");
        using var deleteAgain = await _client.DeleteAsync($"_sim/models/{model}");
        var (after, _) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, model));

        Assert.Equal(HttpStatusCode.InternalServerError, before);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Null(_server.Scripts.Get(model));
    }

    [Fact]
    public async Task ControlApi_DeleteAllScripts_ClearsEveryScript()
    {
        await using var server = await SimulatorServer.StartAsync();
        using var client = server.CreateClient();
        server.Scripts.Set("a", new ModelScript { Fault = SimulatorFault.InternalServerError });
        server.Scripts.Set("b", new ModelScript { LatencyMs = 1 });

        using var response = await client.DeleteAsync("_sim/models");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(server.Scripts.Snapshot());
    }

    [Fact]
    public async Task ControlApi_ModelNameWithSlash_IsScriptedUnderTheFullName()
    {
        var model = "openai/" + Api.UniqueModel("gpt");
        using var put = await PutScriptAsync(model, """{"latencyMs":3,"ttftMs":2,"chunkGapMs":1,"fault":"429","failFirst":1,"retryAfterSeconds":4,"cachedTokens":5,"contextWindow":6000}""");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(
            new ModelScript
            {
                LatencyMs = 3, TtftMs = 2, ChunkGapMs = 1, Fault = SimulatorFault.RateLimited, FailFirst = 1,
                RetryAfterSeconds = 4, CachedTokens = 5, ContextWindow = 6000,
            },
            _server.Scripts.Get(model));

        using var list = await _client.GetAsync("_sim/models");
        var scripts = Api.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal("429", scripts.GetProperty(model).GetProperty("fault").GetString());
    }

    [Theory]
    [InlineData("""{"fault":"meltdown"}""")]
    [InlineData("""{"latencyMs":"slow"}""")]
    [InlineData("""{"latency":5}""")]
    [InlineData("""{"fault":""")]
    [InlineData("null")]
    public async Task ControlApi_InvalidScript_Returns400AndKeepsNoScript(string json)
    {
        var model = Api.UniqueModel("invalid");

        using var response = await PutScriptAsync(model, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(Api.Parse(await response.Content.ReadAsStringAsync()).GetProperty("error").GetString()));
        Assert.Null(_server.Scripts.Get(model));
    }

    private Task<HttpResponseMessage> PutScriptAsync(string model, string json) =>
        _client.PutAsync($"_sim/models/{model}", new StringContent(json, Encoding.UTF8, "application/json"));
}
