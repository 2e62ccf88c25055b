using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Anthropic;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class AnthropicResponseWritersTests
{
    [Fact]
    public void MessagesWriter_TextAndToolCalls_WritesBlocksWithParsedInput()
    {
        var buffer = new ArrayBufferWriter<byte>();
        AnthropicMessagesResponseWriter.Write(buffer, new ChatResponse
        {
            Id = "msg_1",
            Model = "claude-x",
            Text = "Checking.",
            ToolCalls = [new ToolCall("toolu_1", "lookup", "{\"q\":\"cat\"}"), new ToolCall("toolu_2", "broken", "not json")],
            FinishReason = FinishReason.ToolCalls,
            Usage = new Usage(30, 8, 10),
        });

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var root = document.RootElement;
        Assert.Equal("msg_1", root.GetProperty("id").GetString());
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("assistant", root.GetProperty("role").GetString());
        Assert.Equal("claude-x", root.GetProperty("model").GetString());
        var content = root.GetProperty("content");
        Assert.Equal(3, content.GetArrayLength());
        Assert.Equal("text", content[0].GetProperty("type").GetString());
        Assert.Equal("Checking.", content[0].GetProperty("text").GetString());
        Assert.Equal("tool_use", content[1].GetProperty("type").GetString());
        Assert.Equal("cat", content[1].GetProperty("input").GetProperty("q").GetString());
        Assert.Equal(JsonValueKind.Object, content[2].GetProperty("input").ValueKind);
        Assert.Equal("tool_use", root.GetProperty("stop_reason").GetString());
        var usage = root.GetProperty("usage");
        Assert.Equal(20, usage.GetProperty("input_tokens").GetInt32());
        Assert.Equal(10, usage.GetProperty("cache_read_input_tokens").GetInt32());
        Assert.Equal(8, usage.GetProperty("output_tokens").GetInt32());
    }

    [Fact]
    public void MessagesWriter_ContentFilter_IsRefusalWithNoBlocks()
    {
        var buffer = new ArrayBufferWriter<byte>();
        AnthropicMessagesResponseWriter.Write(buffer, new ChatResponse { Id = "m", Model = "c", FinishReason = FinishReason.ContentFilter });

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal("refusal", document.RootElement.GetProperty("stop_reason").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("content").GetArrayLength());
    }

    [Fact]
    public void ErrorWriter_ClientRequestException_WritesAnthropicErrorShape()
    {
        var buffer = new ArrayBufferWriter<byte>();
        AnthropicErrorWriter.Write(buffer, ClientRequestException.Missing("max_tokens"));

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal("error", document.RootElement.GetProperty("type").GetString());
        var error = document.RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Contains("max_tokens", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
