using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Providers.Anthropic;
using Platform.DataPlane.Providers.Gemini;
using Platform.DataPlane.Providers.OpenAi;
using Platform.Shared.Domain;
using Platform.Simulator;

namespace Platform.DataPlane.Tests.Protocols.Providers;

/// <summary>The three adapters against the real simulator: plain chat, tools, JSON mode, usage, embeddings.</summary>
public sealed class AdapterChatTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    public static TheoryData<int> Kinds => [(int)ProviderKind.OpenAiCompatible, (int)ProviderKind.Anthropic, (int)ProviderKind.Gemini];

    private static string Model(int kind, string name) => $"{(ProviderKind)kind}-{name}".ToLowerInvariant();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CompleteAsync_PlainChat_ReturnsTextUsageAndModel(int kind)
    {
        var model = Model(kind, "plain");
        var response = await fixture.Adapter((ProviderKind)kind).CompleteAsync(fixture.Target((ProviderKind)kind, model), AdapterTestData.Chat(), default);

        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.Equal(FinishReason.Stop, response.FinishReason);
        Assert.Equal(model, response.Model);
        Assert.False(string.IsNullOrEmpty(response.Id));
        Assert.Empty(response.ToolCalls);
        Assert.True(response.Usage.InputTokens > 0);
        Assert.True(response.Usage.OutputTokens > 0);
        Assert.False(response.Usage.Estimated);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task StreamAsync_PlainChat_YieldsStartDeltasFinishUsageMatchingComplete(int kind)
    {
        var target = fixture.Target((ProviderKind)kind, Model(kind, "stream-plain"));
        var adapter = fixture.Adapter((ProviderKind)kind);
        var complete = await adapter.CompleteAsync(target, AdapterTestData.Chat(), default);

        var events = await AdapterTestData.CollectAsync(adapter.StreamAsync(target, AdapterTestData.Chat(stream: true), default));

        var start = Assert.IsType<StreamStart>(events[0]);
        Assert.Equal(target.UpstreamModel, start.Model);
        Assert.True(events.OfType<TextDelta>().Count() >= 2, "expected several text deltas");
        Assert.Equal(complete.Text, AdapterTestData.Text(events));
        var finishIndex = events.FindIndex(e => e is StreamFinish);
        Assert.Equal(FinishReason.Stop, ((StreamFinish)events[finishIndex]).Reason);
        var usage = Assert.Single(events.OfType<StreamUsage>()).Usage;
        Assert.True(events.IndexOf(events.OfType<StreamUsage>().Single()) > finishIndex);
        Assert.Equal(complete.Usage, usage);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CompleteAsync_ToolOffered_ReturnsToolCallWithJsonArguments(int kind)
    {
        var response = await fixture.Adapter((ProviderKind)kind).CompleteAsync(
            fixture.Target((ProviderKind)kind, Model(kind, "tool")), AdapterTestData.ToolCall(), default);

        Assert.Equal(FinishReason.ToolCalls, response.FinishReason);
        var call = Assert.Single(response.ToolCalls);
        Assert.Equal("get_weather", call.Name);
        Assert.False(string.IsNullOrEmpty(call.Id));
        using var arguments = JsonDocument.Parse(call.ArgumentsJson);
        Assert.Equal(JsonValueKind.String, arguments.RootElement.GetProperty("city").ValueKind);
        Assert.Equal(JsonValueKind.Number, arguments.RootElement.GetProperty("days").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task StreamAsync_ToolOffered_YieldsToolStartAndArgumentFragments(int kind)
    {
        var events = await AdapterTestData.CollectAsync(fixture.Adapter((ProviderKind)kind).StreamAsync(
            fixture.Target((ProviderKind)kind, Model(kind, "stream-tool")), AdapterTestData.ToolCall(stream: true), default));

        var start = Assert.Single(events.OfType<ToolCallStart>());
        Assert.Equal(0, start.Index);
        Assert.Equal("get_weather", start.Name);
        Assert.False(string.IsNullOrEmpty(start.Id));
        Assert.True(events.IndexOf(start) < events.FindIndex(e => e is ToolArgumentsDelta));
        var arguments = string.Concat(events.OfType<ToolArgumentsDelta>().Where(d => d.Index == 0).Select(d => d.Fragment));
        using var document = JsonDocument.Parse(arguments);
        Assert.True(document.RootElement.TryGetProperty("city", out _));
        Assert.Equal(FinishReason.ToolCalls, Assert.Single(events.OfType<StreamFinish>()).Reason);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CompleteAsync_ToolResultInHistory_ReturnsTextAnswer(int kind)
    {
        var response = await fixture.Adapter((ProviderKind)kind).CompleteAsync(
            fixture.Target((ProviderKind)kind, Model(kind, "tool-result")), AdapterTestData.ToolResult(), default);

        Assert.Equal(FinishReason.Stop, response.FinishReason);
        Assert.Empty(response.ToolCalls);
        Assert.False(string.IsNullOrWhiteSpace(response.Text));
    }

    [Theory]
    [InlineData((int)ProviderKind.OpenAiCompatible)]
    [InlineData((int)ProviderKind.Gemini)]
    public async Task CompleteAsync_JsonObjectMode_ReturnsJsonObject(int kind)
    {
        var request = AdapterTestData.Chat() with { ResponseFormat = new ResponseFormat(ResponseFormatKind.JsonObject) };

        var response = await fixture.Adapter((ProviderKind)kind).CompleteAsync(fixture.Target((ProviderKind)kind, Model(kind, "json")), request, default);

        using var document = JsonDocument.Parse(response.Text);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Theory]
    [InlineData((int)ProviderKind.OpenAiCompatible)]
    [InlineData((int)ProviderKind.Gemini)]
    public async Task CompleteAsync_JsonSchemaMode_ReturnsSchemaShapedJson(int kind)
    {
        var request = AdapterTestData.Chat() with
        {
            ResponseFormat = new ResponseFormat(ResponseFormatKind.JsonSchema, "weather", AdapterTestData.WeatherSchema, Strict: true),
        };

        var response = await fixture.Adapter((ProviderKind)kind).CompleteAsync(fixture.Target((ProviderKind)kind, Model(kind, "schema")), request, default);

        using var document = JsonDocument.Parse(response.Text);
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("city").ValueKind);
        Assert.Equal(JsonValueKind.Number, document.RootElement.GetProperty("days").ValueKind);
    }

    [Fact]
    public void AnthropicRequestWriter_JsonMode_EmulatesWithSystemInstructionAndDefaultMaxTokens()
    {
        var request = AdapterTestData.Chat() with
        {
            ResponseFormat = new ResponseFormat(ResponseFormatKind.JsonSchema, "weather", AdapterTestData.WeatherSchema),
        };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        AnthropicUpstreamRequestWriter.Write(buffer, "claude", request, stream: false);

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var root = document.RootElement;
        var system = root.GetProperty("system").GetString()!;
        Assert.StartsWith("You are terse.", system, StringComparison.Ordinal);
        Assert.Contains(AnthropicUpstreamRequestWriter.JsonInstruction, system, StringComparison.Ordinal);
        Assert.Contains("\"required\":[\"city\",\"days\"]", system, StringComparison.Ordinal);
        Assert.Equal(AnthropicUpstreamRequestWriter.DefaultMaxTokens, root.GetProperty("max_tokens").GetInt32());
        Assert.Equal("user", Assert.Single(root.GetProperty("messages").EnumerateArray()).GetProperty("role").GetString());
    }

    [Fact]
    public void AnthropicRequestWriter_ToolRoundTrip_MergesToolResultsIntoOneUserTurn()
    {
        var request = AdapterTestData.ToolResult() with
        {
            Messages = [.. AdapterTestData.ToolResult().Messages, new ChatMessage { Role = ChatRole.User, Content = [ContentPart.FromText("And tomorrow?")] }],
        };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        AnthropicUpstreamRequestWriter.Write(buffer, "claude", request, stream: true);

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var messages = document.RootElement.GetProperty("messages");
        Assert.Equal(["user", "assistant", "user"], messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        var toolUse = messages[1].GetProperty("content")[0];
        Assert.Equal("tool_use", toolUse.GetProperty("type").GetString());
        Assert.Equal("Oslo", toolUse.GetProperty("input").GetProperty("city").GetString());
        var lastTurn = messages[2].GetProperty("content");
        Assert.Equal("tool_result", lastTurn[0].GetProperty("type").GetString());
        Assert.Equal("call_abc", lastTurn[0].GetProperty("tool_use_id").GetString());
        Assert.Equal("text", lastTurn[1].GetProperty("type").GetString());
        Assert.True(document.RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public void GeminiRequestWriter_ToolRoundTrip_NamesFunctionResponseAfterItsCall()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        GeminiUpstreamRequestWriter.Write(buffer, AdapterTestData.ToolResult() with { ResponseFormat = new ResponseFormat(ResponseFormatKind.JsonObject) });

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var contents = document.RootElement.GetProperty("contents");
        Assert.Equal(["user", "model", "user"], contents.EnumerateArray().Select(c => c.GetProperty("role").GetString()));
        Assert.Equal("Oslo", contents[1].GetProperty("parts")[0].GetProperty("functionCall").GetProperty("args").GetProperty("city").GetString());
        var response = contents[2].GetProperty("parts")[0].GetProperty("functionResponse");
        Assert.Equal("get_weather", response.GetProperty("name").GetString());
        Assert.Equal("rain", response.GetProperty("response").GetProperty("forecast").GetString());
        Assert.Equal("application/json", document.RootElement.GetProperty("generationConfig").GetProperty("responseMimeType").GetString());
    }

    [Fact]
    public void OpenAiRequestWriter_Stream_AlwaysAsksForUsage()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        OpenAiUpstreamRequestWriter.Write(buffer, "gpt", AdapterTestData.Chat(stream: true) with { IncludeUsage = false }, stream: true);

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.True(document.RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CompleteAndStream_CachedTokensScripted_ReportCachedTokens(int kind)
    {
        var model = Model(kind, "cached");
        fixture.Server.Scripts.Set(model, new ModelScript { CachedTokens = 6 });
        var target = fixture.Target((ProviderKind)kind, model);
        var adapter = fixture.Adapter((ProviderKind)kind);

        var response = await adapter.CompleteAsync(target, AdapterTestData.Chat(), default);
        var streamed = await AdapterTestData.CollectAsync(adapter.StreamAsync(target, AdapterTestData.Chat(stream: true), default));

        Assert.Equal(6, response.Usage.CachedInputTokens);
        Assert.True(response.Usage.InputTokens > 6, "input tokens include the cached ones");
        Assert.Equal(response.Usage, Assert.Single(streamed.OfType<StreamUsage>()).Usage);
    }

    [Fact]
    public async Task EmbedAsync_OpenAiCompatible_ReturnsOneVectorPerInput()
    {
        var request = new EmbeddingRequest { Model = "caller", Inputs = ["first", "second"], Dimensions = 16 };

        var response = await fixture.Adapter(ProviderKind.OpenAiCompatible).EmbedAsync(
            fixture.Target(ProviderKind.OpenAiCompatible, "text-embedding-3-small"), request, default);

        Assert.Equal(2, response.Vectors.Count);
        Assert.All(response.Vectors, v => Assert.Equal(16, v.Length));
        Assert.NotEqual(response.Vectors[0], response.Vectors[1]);
        Assert.True(response.Usage.InputTokens > 0);
        Assert.Equal("text-embedding-3-small", response.Model);
    }

    [Theory]
    [InlineData((int)ProviderKind.Anthropic)]
    [InlineData((int)ProviderKind.Gemini)]
    public async Task EmbedAsync_NoEmbeddingsUpstream_ThrowsBadRequest(int kind)
    {
        var request = new EmbeddingRequest { Model = "caller", Inputs = ["x"] };

        var exception = await Assert.ThrowsAsync<UpstreamException>(() =>
            fixture.Adapter((ProviderKind)kind).EmbedAsync(fixture.Target((ProviderKind)kind, Model(kind, "embed")), request, default));

        Assert.Equal(ErrorClass.BadRequest, exception.ErrorClass);
    }

    [Fact]
    public async Task CompleteAsync_BaseUrlEndingInV1_ReachesTheSameEndpoint()
    {
        var target = fixture.Target(ProviderKind.OpenAiCompatible, "openai-v1-base") with { BaseUrl = new Uri(fixture.Server.BaseAddress, "v1") };

        var response = await fixture.Adapter(ProviderKind.OpenAiCompatible).CompleteAsync(target, AdapterTestData.Chat(), default);

        Assert.False(string.IsNullOrEmpty(response.Text));
    }

    [Fact]
    public void For_Simulator_UsesOpenAiCompatibleAdapter() =>
        Assert.IsType<OpenAiCompatibleAdapter>(fixture.Adapters.For(ProviderKind.Simulator));
}
