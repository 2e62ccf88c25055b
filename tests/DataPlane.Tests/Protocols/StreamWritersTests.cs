using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class StreamWritersTests
{
    private static readonly StreamEvent[] ToolAnswer =
    [
        new StreamStart("id-1", "model-x"),
        new TextDelta("Let me "),
        new TextDelta("check."),
        new ToolCallStart(0, "call_a", "lookup"),
        new ToolArgumentsDelta(0, "{\"q\":"),
        new ToolArgumentsDelta(0, "\"cat\"}"),
        new ToolCallStart(1, "call_b", "weather"),
        new ToolArgumentsDelta(1, "{}"),
        new StreamFinish(FinishReason.ToolCalls),
        new StreamUsage(new Usage(20, 9, 5)),
    ];

    private static async Task<string> WriteOpenAiAsync(IEnumerable<StreamEvent> events, bool includeUsage)
    {
        var output = new MemoryStream();
        var pipe = PipeWriter.Create(output);
        using (var writer = new OpenAiStreamWriter(pipe, includeUsage, created: 42))
        {
            foreach (var streamEvent in events)
            {
                await writer.WriteAsync(streamEvent, default);
            }

            await writer.CompleteAsync(default);
        }

        await pipe.CompleteAsync();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static async Task<string> WriteAnthropicAsync(IEnumerable<StreamEvent> events)
    {
        var output = new MemoryStream();
        var pipe = PipeWriter.Create(output);
        using (var writer = new AnthropicStreamWriter(pipe))
        {
            foreach (var streamEvent in events)
            {
                await writer.WriteAsync(streamEvent, default);
            }

            await writer.CompleteAsync(default);
        }

        await pipe.CompleteAsync();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task OpenAiStreamWriter_ToolAnswerWithUsage_WritesChunksUsageAndDone()
    {
        var events = SseTestParsing.Split(await WriteOpenAiAsync(ToolAnswer, includeUsage: true));

        Assert.All(events, e => Assert.Null(e.Event));
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events[..^1].Select(e => SseTestParsing.Json(e.Data)).ToList();
        Assert.All(chunks, c =>
        {
            Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString());
            Assert.Equal("id-1", c.GetProperty("id").GetString());
            Assert.Equal("model-x", c.GetProperty("model").GetString());
            Assert.Equal(42, c.GetProperty("created").GetInt64());
        });

        var first = chunks[0].GetProperty("choices")[0].GetProperty("delta");
        Assert.Equal("assistant", first.GetProperty("role").GetString());
        var deltas = chunks[..^1].Select(c => c.GetProperty("choices")[0]).ToList();
        var text = string.Concat(deltas.Select(c => c.GetProperty("delta").TryGetProperty("content", out var content) ? content.GetString() : ""));
        Assert.Equal("Let me check.", text);

        var toolDeltas = deltas.Where(c => c.GetProperty("delta").TryGetProperty("tool_calls", out _))
            .Select(c => c.GetProperty("delta").GetProperty("tool_calls")[0]).ToList();
        var opening = toolDeltas[0];
        Assert.Equal(0, opening.GetProperty("index").GetInt32());
        Assert.Equal("call_a", opening.GetProperty("id").GetString());
        Assert.Equal("function", opening.GetProperty("type").GetString());
        Assert.Equal("lookup", opening.GetProperty("function").GetProperty("name").GetString());
        var arguments0 = string.Concat(toolDeltas.Where(t => t.GetProperty("index").GetInt32() == 0)
            .Select(t => t.GetProperty("function").GetProperty("arguments").GetString()));
        Assert.Equal("{\"q\":\"cat\"}", arguments0);
        Assert.Equal("call_b", toolDeltas.Single(t => t.TryGetProperty("id", out _) && t.GetProperty("index").GetInt32() == 1).GetProperty("id").GetString());
        Assert.False(toolDeltas[1].TryGetProperty("id", out _));

        var finishes = deltas.Where(c => c.GetProperty("finish_reason").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal("tool_calls", Assert.Single(finishes).GetProperty("finish_reason").GetString());
        Assert.Equal(JsonValueKind.String, deltas[^1].GetProperty("finish_reason").ValueKind);

        var usageChunk = chunks[^1];
        Assert.Equal(0, usageChunk.GetProperty("choices").GetArrayLength());
        Assert.Equal(20, usageChunk.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(9, usageChunk.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(5, usageChunk.GetProperty("usage").GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32());
    }

    [Fact]
    public async Task OpenAiStreamWriter_UsageNotAsked_WritesNoUsageChunk()
    {
        var text = await WriteOpenAiAsync(ToolAnswer, includeUsage: false);

        var events = SseTestParsing.Split(text);
        Assert.Equal("[DONE]", events[^1].Data);
        Assert.DoesNotContain("\"usage\"", text, StringComparison.Ordinal);
        Assert.All(events[..^1], e => Assert.Equal(1, SseTestParsing.Json(e.Data).GetProperty("choices").GetArrayLength()));
    }

    [Fact]
    public async Task OpenAiStreamWriter_EachEvent_IsFlushedBeforeTheNext()
    {
        var pipe = new Pipe();
        using var writer = new OpenAiStreamWriter(pipe.Writer, includeUsage: false, created: 1);

        await writer.WriteAsync(new StreamStart("a", "m"), default);
        await writer.WriteAsync(new TextDelta("one"), default);

        Assert.True(pipe.Reader.TryRead(out var result));
        var written = Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(result.Buffer));
        Assert.Contains("\"content\":\"one\"", written, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAiStreamWriter_ErrorAfterFirstByte_WritesErrorEventWithoutDone()
    {
        var output = new MemoryStream();
        var pipe = PipeWriter.Create(output);
        using (var writer = new OpenAiStreamWriter(pipe, includeUsage: true, created: 1))
        {
            await writer.WriteAsync(new StreamStart("a", "m"), default);
            await writer.WriteAsync(new TextDelta("partial"), default);
            await writer.WriteErrorAsync("The upstream stream broke.", "server_error", "stream_broken", default);
        }

        await pipe.CompleteAsync();
        var events = SseTestParsing.Split(Encoding.UTF8.GetString(output.ToArray()));
        var error = SseTestParsing.Json(events[^1].Data).GetProperty("error");
        Assert.Equal("The upstream stream broke.", error.GetProperty("message").GetString());
        Assert.Equal("server_error", error.GetProperty("type").GetString());
        Assert.Equal("stream_broken", error.GetProperty("code").GetString());
        Assert.DoesNotContain(events, e => e.Data == "[DONE]");
    }

    [Fact]
    public async Task AnthropicStreamWriter_ToolAnswer_WritesEventsInOrderWithBlockIndices()
    {
        var events = SseTestParsing.Split(await WriteAnthropicAsync(ToolAnswer));

        Assert.Equal(
            [
                "message_start",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop",
            ],
            events.Select(e => e.Event));
        var data = events.Select(e => SseTestParsing.Json(e.Data)).ToList();
        Assert.All(events.Zip(data), pair => Assert.Equal(pair.First.Event, pair.Second.GetProperty("type").GetString()));

        var message = data[0].GetProperty("message");
        Assert.Equal("id-1", message.GetProperty("id").GetString());
        Assert.Equal("model-x", message.GetProperty("model").GetString());
        Assert.Equal("assistant", message.GetProperty("role").GetString());

        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2], data[1..12].Select(d => d.GetProperty("index").GetInt32()));
        Assert.Equal("text", data[1].GetProperty("content_block").GetProperty("type").GetString());
        Assert.Equal("text_delta", data[2].GetProperty("delta").GetProperty("type").GetString());
        Assert.Equal("Let me check.", data[2].GetProperty("delta").GetProperty("text").GetString() + data[3].GetProperty("delta").GetProperty("text").GetString());
        var tool = data[5].GetProperty("content_block");
        Assert.Equal("tool_use", tool.GetProperty("type").GetString());
        Assert.Equal("call_a", tool.GetProperty("id").GetString());
        Assert.Equal("lookup", tool.GetProperty("name").GetString());
        Assert.Equal("input_json_delta", data[6].GetProperty("delta").GetProperty("type").GetString());
        Assert.Equal("{\"q\":\"cat\"}", data[6].GetProperty("delta").GetProperty("partial_json").GetString() + data[7].GetProperty("delta").GetProperty("partial_json").GetString());
        Assert.Equal("call_b", data[9].GetProperty("content_block").GetProperty("id").GetString());

        var delta = data[12];
        Assert.Equal("tool_use", delta.GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.Equal(9, delta.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal(15, delta.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(5, delta.GetProperty("usage").GetProperty("cache_read_input_tokens").GetInt32());
    }

    [Theory]
    [InlineData((int)FinishReason.Stop, "end_turn")]
    [InlineData((int)FinishReason.Length, "max_tokens")]
    [InlineData((int)FinishReason.ContentFilter, "refusal")]
    public async Task AnthropicStreamWriter_FinishReason_MapsStopReason(int reason, string expected)
    {
        var events = SseTestParsing.Split(await WriteAnthropicAsync([new StreamStart("a", "m"), new TextDelta("x"), new StreamFinish((FinishReason)reason)]));

        var delta = SseTestParsing.Json(events.Single(e => e.Event == "message_delta").Data);
        Assert.Equal(expected, delta.GetProperty("delta").GetProperty("stop_reason").GetString());
    }

    [Fact]
    public async Task AnthropicStreamWriter_Error_WritesErrorEvent()
    {
        var output = new MemoryStream();
        var pipe = PipeWriter.Create(output);
        using (var writer = new AnthropicStreamWriter(pipe))
        {
            await writer.WriteAsync(new StreamStart("a", "m"), default);
            await writer.WriteErrorAsync("overloaded_error", "Overloaded", default);
        }

        await pipe.CompleteAsync();
        var events = SseTestParsing.Split(Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal("error", events[^1].Event);
        var body = SseTestParsing.Json(events[^1].Data);
        Assert.Equal("error", body.GetProperty("type").GetString());
        Assert.Equal("overloaded_error", body.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("Overloaded", body.GetProperty("error").GetProperty("message").GetString());
    }
}
