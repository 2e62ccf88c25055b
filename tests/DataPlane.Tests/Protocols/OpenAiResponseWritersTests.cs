using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class OpenAiResponseWritersTests
{
    private static JsonElement Parse(ArrayBufferWriter<byte> buffer)
    {
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    [Fact]
    public void ChatResponseWriter_TextAnswer_WritesChatCompletion()
    {
        var buffer = new ArrayBufferWriter<byte>();
        OpenAiChatResponseWriter.Write(buffer, new ChatResponse
        {
            Id = "chatcmpl-1",
            Model = "gpt-4o-2024",
            Text = "Héllo \"there\"",
            FinishReason = FinishReason.Length,
            Usage = new Usage(10, 4, 3),
        }, created: 1700000000);

        var root = Parse(buffer);
        Assert.Equal("chatcmpl-1", root.GetProperty("id").GetString());
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal(1700000000, root.GetProperty("created").GetInt64());
        Assert.Equal("gpt-4o-2024", root.GetProperty("model").GetString());
        var choice = Assert.Single(root.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("Héllo \"there\"", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.False(choice.GetProperty("message").TryGetProperty("tool_calls", out _));
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        var usage = root.GetProperty("usage");
        Assert.Equal(10, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(4, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(14, usage.GetProperty("total_tokens").GetInt32());
        Assert.Equal(3, usage.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32());
    }

    [Theory]
    [InlineData((int)FinishReason.Stop, "stop")]
    [InlineData((int)FinishReason.ToolCalls, "tool_calls")]
    [InlineData((int)FinishReason.ContentFilter, "content_filter")]
    public void ChatResponseWriter_FinishReason_UsesOpenAiName(int reason, string expected)
    {
        var buffer = new ArrayBufferWriter<byte>();
        OpenAiChatResponseWriter.Write(buffer, new ChatResponse { Id = "i", Model = "m", Text = "t", FinishReason = (FinishReason)reason }, 1);

        Assert.Equal(expected, Parse(buffer).GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public void ChatResponseWriter_OnlyToolCalls_ContentIsNull()
    {
        var buffer = new ArrayBufferWriter<byte>();
        OpenAiChatResponseWriter.Write(buffer, new ChatResponse
        {
            Id = "i",
            Model = "m",
            ToolCalls = [new ToolCall("call_1", "f", "{\"a\":1}"), new ToolCall("call_2", "g", "{}")],
            FinishReason = FinishReason.ToolCalls,
        }, 1);

        var message = Parse(buffer).GetProperty("choices")[0].GetProperty("message");
        Assert.Equal(JsonValueKind.Null, message.GetProperty("content").ValueKind);
        var calls = message.GetProperty("tool_calls");
        Assert.Equal(2, calls.GetArrayLength());
        Assert.Equal("call_1", calls[0].GetProperty("id").GetString());
        Assert.Equal("function", calls[0].GetProperty("type").GetString());
        Assert.Equal("f", calls[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("{\"a\":1}", calls[0].GetProperty("function").GetProperty("arguments").GetString());
    }

    [Fact]
    public void ErrorWriter_ClientRequestException_WritesOpenAiErrorShape()
    {
        var buffer = new ArrayBufferWriter<byte>();
        OpenAiErrorWriter.Write(buffer, new ClientRequestException("expected a string.", "messages[2].role", ClientErrorCodes.InvalidType));

        var error = Parse(buffer).GetProperty("error");
        Assert.Equal("Invalid 'messages[2].role': expected a string.", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("messages[2].role", error.GetProperty("param").GetString());
        Assert.Equal("invalid_type", error.GetProperty("code").GetString());
    }

    [Fact]
    public void ErrorWriter_NoParamOrCode_WritesNulls()
    {
        var buffer = new ArrayBufferWriter<byte>();
        OpenAiErrorWriter.Write(buffer, "Upstream failed.", "server_error");

        var error = Parse(buffer).GetProperty("error");
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("code").ValueKind);
    }

    [Fact]
    public void EmbeddingsWriter_Floats_WritesArrays()
    {
        var buffer = new ArrayBufferWriter<byte>();
        OpenAiEmbeddingsResponseWriter.Write(buffer, new EmbeddingResponse("e", [[0.5f, -1f], [2f, 0.25f]], new Usage(7, 0, 0)), base64: false);

        var root = Parse(buffer);
        Assert.Equal("list", root.GetProperty("object").GetString());
        var data = root.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal(1, data[1].GetProperty("index").GetInt32());
        Assert.Equal("embedding", data[1].GetProperty("object").GetString());
        Assert.Equal([2f, 0.25f], data[1].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()));
        Assert.Equal(7, root.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(7, root.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public void EmbeddingsWriter_Base64_WritesLittleEndianFloat32()
    {
        float[] vector = [0.5f, -1f, 3.25f];
        var buffer = new ArrayBufferWriter<byte>();
        OpenAiEmbeddingsResponseWriter.Write(buffer, new EmbeddingResponse("e", [vector], default), base64: true);

        var bytes = Convert.FromBase64String(Parse(buffer).GetProperty("data")[0].GetProperty("embedding").GetString()!);
        Assert.Equal(vector, MemoryMarshal.Cast<byte, float>(bytes).ToArray());
    }

    [Fact]
    public void ModelsWriter_Entries_WritesList()
    {
        var buffer = new ArrayBufferWriter<byte>();
        OpenAiModelsWriter.Write(buffer, [new ModelListEntry("route:chat", 1700000000, "platform"), new ModelListEntry("openai/gpt-4o", 1, "openai")]);

        var root = Parse(buffer);
        Assert.Equal("list", root.GetProperty("object").GetString());
        var first = root.GetProperty("data")[0];
        Assert.Equal("route:chat", first.GetProperty("id").GetString());
        Assert.Equal("model", first.GetProperty("object").GetString());
        Assert.Equal(1700000000, first.GetProperty("created").GetInt64());
        Assert.Equal("platform", first.GetProperty("owned_by").GetString());
        Assert.Equal(2, root.GetProperty("data").GetArrayLength());
    }
}
