using System.Net;
using System.Text.Json;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class HeaderFaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = fixture.Client;
    private readonly SimulatorServer _server = fixture.Server;

    [Theory]
    [InlineData(Wire.OpenAi, "500", 500, "server_error")]
    [InlineData(Wire.OpenAi, "502", 502, "bad_gateway")]
    [InlineData(Wire.OpenAi, "503", 503, "service_unavailable")]
    [InlineData(Wire.OpenAi, "429", 429, "rate_limit_exceeded")]
    [InlineData(Wire.OpenAi, "overloaded", 503, "overloaded")]
    [InlineData(Wire.OpenAi, "context-length", 400, "context_length_exceeded")]
    [InlineData(Wire.OpenAi, "content-filter", 400, "content_filter")]
    [InlineData(Wire.OpenAi, "auth", 401, "invalid_api_key")]
    [InlineData(Wire.Anthropic, "500", 500, "api_error")]
    [InlineData(Wire.Anthropic, "502", 502, "api_error")]
    [InlineData(Wire.Anthropic, "503", 503, "api_error")]
    [InlineData(Wire.Anthropic, "429", 429, "rate_limit_error")]
    [InlineData(Wire.Anthropic, "overloaded", 529, "overloaded_error")]
    [InlineData(Wire.Anthropic, "context-length", 400, "invalid_request_error")]
    [InlineData(Wire.Anthropic, "auth", 401, "authentication_error")]
    [InlineData(Wire.Gemini, "500", 500, "INTERNAL")]
    [InlineData(Wire.Gemini, "502", 502, "UNAVAILABLE")]
    [InlineData(Wire.Gemini, "503", 503, "UNAVAILABLE")]
    [InlineData(Wire.Gemini, "429", 429, "RESOURCE_EXHAUSTED")]
    [InlineData(Wire.Gemini, "overloaded", 503, "UNAVAILABLE")]
    [InlineData(Wire.Gemini, "context-length", 400, "INVALID_ARGUMENT")]
    [InlineData(Wire.Gemini, "auth", 401, "UNAUTHENTICATED")]
    public async Task FaultHeader_ErrorFault_ReturnsStatusInProviderShape(Wire wire, string fault, int status, string marker)
    {
        var model = Api.UniqueModel("fault");
        foreach (var stream in new[] { false, true })
        {
            var (actualStatus, body) = await Api.SendJsonAsync(
                _client, Api.Chat(wire, model, stream, headers: (SimulatorHeaders.Fault, fault)));

            Assert.Equal(status, (int)actualStatus);
            Assert.Equal(marker, ErrorShape.Marker(wire, body));
        }

        Assert.Equal(2, _server.Stats.GetCalls(model, fault));
    }

    [Theory]
    [InlineData(Wire.OpenAi)]
    [InlineData(Wire.Anthropic)]
    [InlineData(Wire.Gemini)]
    public async Task FaultHeader_RateLimited_SendsRetryAfterHeader(Wire wire)
    {
        using var defaulted = await _client.SendAsync(Api.Chat(wire, "m", headers: (SimulatorHeaders.Fault, "429")));
        using var scripted = await _client.SendAsync(
            Api.Chat(wire, "m", headers: [(SimulatorHeaders.Fault, "429"), (SimulatorHeaders.RetryAfter, "7")]));

        Assert.Equal(TimeSpan.FromSeconds(1), defaulted.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, scripted.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), scripted.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task FaultHeader_ContextLength_AnthropicMessageNamesTokenCounts()
    {
        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "m", headers: (SimulatorHeaders.Fault, "context-length")));

        Assert.Matches(@"^prompt is too long: \d+ tokens > \d+ maximum$", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FaultHeader_ContentFilter_AnthropicAnswers200WithRefusal(bool stream)
    {
        if (!stream)
        {
            var (status, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "m", headers: (SimulatorHeaders.Fault, "content-filter")));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("refusal", body.GetProperty("stop_reason").GetString());
            Assert.Empty(body.GetProperty("content").EnumerateArray());
            return;
        }

        var events = await Api.SendSseAsync(_client, Api.Chat(Wire.Anthropic, "m", stream: true, headers: (SimulatorHeaders.Fault, "content-filter")));
        Assert.DoesNotContain(events, e => e.Event == "content_block_delta");
        Assert.Equal("refusal", Api.Parse(events.Single(e => e.Event == "message_delta").Data).GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.Equal("message_stop", events[^1].Event);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FaultHeader_ContentFilter_GeminiAnswers200WithBlockedPrompt(bool stream)
    {
        JsonElement body;
        if (stream)
        {
            var events = await Api.SendSseAsync(_client, Api.Chat(Wire.Gemini, "g", stream: true, headers: (SimulatorHeaders.Fault, "content-filter")));
            body = Assert.Single(Api.JsonData(events));
        }
        else
        {
            (var status, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Gemini, "g", headers: (SimulatorHeaders.Fault, "content-filter")));
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Assert.Equal("SAFETY", body.GetProperty("promptFeedback").GetProperty("blockReason").GetString());
        Assert.False(body.TryGetProperty("candidates", out _));
        Assert.True(body.GetProperty("usageMetadata").GetProperty("promptTokenCount").GetInt32() > 0);
    }

    [Theory]
    [InlineData(Wire.OpenAi)]
    [InlineData(Wire.Anthropic)]
    [InlineData(Wire.Gemini)]
    public async Task FaultHeader_Hang_DoesNotAnswerBeforeClientGivesUp(Wire wire)
    {
        var model = Api.UniqueModel("hang");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _client.SendAsync(Api.Chat(wire, model, headers: (SimulatorHeaders.Fault, "hang")), timeout.Token));
        Assert.Equal(1, _server.Stats.GetCalls(model, "hang"));
    }

    [Theory]
    [InlineData(Wire.OpenAi, false)]
    [InlineData(Wire.Anthropic, true)]
    [InlineData(Wire.Gemini, false)]
    public async Task FaultHeader_Reset_AbortsTheConnection(Wire wire, bool stream)
    {
        await Transport.AssertFailsAsync(() => _client.SendAsync(Api.Chat(wire, "m", stream, headers: (SimulatorHeaders.Fault, "reset"))));
    }

    [Theory]
    [InlineData(Wire.OpenAi)]
    [InlineData(Wire.Anthropic)]
    [InlineData(Wire.Gemini)]
    public async Task FaultHeader_Malformed_Returns200WithUnparseableJson(Wire wire)
    {
        using var response = await _client.SendAsync(Api.Chat(wire, "m", headers: (SimulatorHeaders.Fault, "malformed")));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Theory]
    [InlineData(Wire.OpenAi)]
    [InlineData(Wire.Anthropic)]
    [InlineData(Wire.Gemini)]
    public async Task FaultHeader_MalformedStream_SendsAnEventWithInvalidJson(Wire wire)
    {
        var events = await Api.SendSseAsync(_client, Api.Chat(wire, "m", stream: true, headers: (SimulatorHeaders.Fault, "malformed")));

        var data = events.Select(e => e.Data).Where(d => d != "[DONE]").ToList();
        Assert.Contains(data, d => IsValidJson(d));
        Assert.Contains(data, d => !IsValidJson(d));
    }

    [Fact]
    public async Task FaultHeader_MalformedGeminiArrayStream_IsNotAValidArray()
    {
        using var request = Api.Post(
            "v1beta/models/g:streamGenerateContent", """{"contents":[{"parts":[{"text":"Hi"}]}]}""", (SimulatorHeaders.Fault, "malformed"));
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(IsValidJson(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(Wire.OpenAi, "data: [DONE]")]
    [InlineData(Wire.Anthropic, "event: message_stop")]
    [InlineData(Wire.Gemini, "\"finishReason\"")]
    public async Task FaultHeader_StreamBreak_DeliversPartOfTheStreamThenFails(Wire wire, string endMarker)
    {
        using var request = Api.Chat(wire, "m", stream: true, headers: (SimulatorHeaders.Fault, "stream-break"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (lines, failure) = await Transport.ReadLinesAsync(response);
        Assert.NotNull(failure);
        Assert.Contains(lines, line => line.StartsWith("data: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(endMarker, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Wire.OpenAi)]
    [InlineData(Wire.Anthropic)]
    [InlineData(Wire.Gemini)]
    public async Task FaultHeader_StreamBreakWithoutStreaming_FailsMidBody(Wire wire)
    {
        await Transport.AssertFailsAsync(async () =>
        {
            using var response = await _client.SendAsync(Api.Chat(wire, "m", headers: (SimulatorHeaders.Fault, "stream-break")));
            await response.Content.ReadAsStringAsync();
        });
    }

    [Fact]
    public async Task FaultHeader_UnknownFault_Returns400()
    {
        var (status, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "m", headers: (SimulatorHeaders.Fault, "meltdown")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("meltdown", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task LatencyHeader_LongLatency_DoesNotAnswerWithinShortTimeout()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _client.SendAsync(Api.Chat(Wire.OpenAi, "m", headers: (SimulatorHeaders.LatencyMs, "5000")), timeout.Token));
    }

    [Fact]
    public async Task LatencyHeaders_SmallDelays_StillAnswerCompletely()
    {
        var events = await Api.SendSseAsync(
            _client,
            Api.Chat(Wire.Anthropic, "m", stream: true, headers:
                [(SimulatorHeaders.LatencyMs, "5"), (SimulatorHeaders.TtftMs, "5"), (SimulatorHeaders.ChunkGapMs, "1")]));

        Assert.Equal("message_start", events[0].Event);
        Assert.Equal("message_stop", events[^1].Event);
    }

    [Fact]
    public async Task TtftHeader_LongTtft_SendsHeadersButNoChunkWithinShortTimeout()
    {
        using var request = Api.Chat(Wire.OpenAi, "m", stream: true, headers: (SimulatorHeaders.TtftMs, "5000"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var stream = await response.Content.ReadAsStreamAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadAtLeastAsync(new byte[64], 1, throwOnEndOfStream: true, timeout.Token));
    }

    [Fact]
    public async Task ChunkGapHeader_LongGap_StopsAfterFirstChunkWithinShortTimeout()
    {
        using var request = Api.Chat(Wire.OpenAi, "m", stream: true, headers: (SimulatorHeaders.ChunkGapMs, "5000"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await reader.ReadLineAsync();
        Assert.StartsWith("data: ", first);
        Assert.Equal("", await reader.ReadLineAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadLineAsync(timeout.Token));
    }

    private static bool IsValidJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
