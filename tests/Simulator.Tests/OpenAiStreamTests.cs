using System.Text;
using System.Text.Json;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class OpenAiStreamTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Stream_WithoutIncludeUsage_SendsNoUsageAndEndsWithDone()
    {
        var events = await Api.SendSseAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", stream: true));

        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = Api.JsonData(events);
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk.GetProperty("object").GetString()));
        Assert.All(chunks, chunk => Assert.False(chunk.TryGetProperty("usage", out _)));
        Assert.All(chunks, chunk => Assert.Single(chunk.GetProperty("choices").EnumerateArray()));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal("stop", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.True(chunks.Count >= 5, $"only {chunks.Count} chunks");
        Assert.Single(chunks.Select(chunk => chunk.GetProperty("id").GetString()).Distinct());
    }

    [Fact]
    public async Task Stream_WithIncludeUsage_SendsUsageChunkWithEmptyChoicesBeforeDone()
    {
        var events = await Api.SendSseAsync(
            _client, Api.Chat(Wire.OpenAi, "gpt-4o", stream: true, extra: ""","stream_options":{"include_usage":true}"""));

        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = Api.JsonData(events);
        var usageChunk = chunks[^1];
        Assert.Empty(usageChunk.GetProperty("choices").EnumerateArray());
        var usage = usageChunk.GetProperty("usage");
        Assert.True(usage.GetProperty("prompt_tokens").GetInt32() > 0);
        Assert.True(usage.GetProperty("completion_tokens").GetInt32() > 0);
        Assert.Single(chunks, chunk => chunk.TryGetProperty("usage", out _));
    }

    [Fact]
    public async Task Stream_ContentDeltas_ConcatenateToTheNonStreamingText()
    {
        var (_, whole) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", user: "Compare"));
        var events = await Api.SendSseAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", stream: true, user: "Compare"));

        var text = new StringBuilder();
        var contentChunks = 0;
        foreach (var chunk in Api.JsonData(events))
        {
            if (chunk.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var content)
                && content.GetString() is { Length: > 0 } piece)
            {
                text.Append(piece);
                contentChunks++;
            }
        }

        Assert.True(contentChunks >= 3, $"only {contentChunks} content chunks");
        Assert.Equal(Api.ReplyText(Wire.OpenAi, whole), text.ToString());
    }

    [Fact]
    public async Task Stream_ToolCall_StreamsArgumentsInFragments()
    {
        var events = await Api.SendSseAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", stream: true, extra: OpenAiChatTests.ToolsJson));

        var chunks = Api.JsonData(events);
        var first = chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("tool_calls")[0];
        Assert.Equal("get_weather", first.GetProperty("function").GetProperty("name").GetString());
        Assert.StartsWith("call_", first.GetProperty("id").GetString());

        var fragments = new List<string>();
        foreach (var chunk in chunks.Skip(1))
        {
            if (chunk.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("tool_calls", out var calls))
            {
                Assert.Equal(0, calls[0].GetProperty("index").GetInt32());
                fragments.Add(calls[0].GetProperty("function").GetProperty("arguments").GetString()!);
            }
        }

        Assert.True(fragments.Count >= 2, $"only {fragments.Count} fragments");
        var arguments = Api.Parse(string.Concat(fragments));
        Assert.Equal("sample", arguments.GetProperty("city").GetString());
        Assert.Equal("tool_calls", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task Stream_MaxTokens_EndsWithFinishReasonLength()
    {
        var events = await Api.SendSseAsync(
            _client,
            Api.Chat(Wire.OpenAi, "gpt-4o", stream: true, extra: ""","max_tokens":3,"stream_options":{"include_usage":true}"""));

        var chunks = Api.JsonData(events);
        Assert.Equal("length", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(3, chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Stream_JsonObjectMode_DeltasConcatenateToJson()
    {
        var events = await Api.SendSseAsync(
            _client, Api.Chat(Wire.OpenAi, "gpt-4o", stream: true, extra: ""","response_format":{"type":"json_object"}"""));

        var text = string.Concat(Api.JsonData(events)
            .Select(chunk => chunk.GetProperty("choices")[0].GetProperty("delta"))
            .Where(delta => delta.TryGetProperty("content", out _))
            .Select(delta => delta.GetProperty("content").GetString()));
        Assert.Equal(JsonValueKind.Object, Api.Parse(text).ValueKind);
    }
}
