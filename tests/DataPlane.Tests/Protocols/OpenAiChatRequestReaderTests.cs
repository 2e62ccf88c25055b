using System.Text;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class OpenAiChatRequestReaderTests
{
    private static ChatRequest Read(string json) => OpenAiChatRequestReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_FullBody_MapsEveryField()
    {
        var request = Read("""
            {
              "model": "route:support",
              "messages": [
                {"role": "developer", "content": "Be brief."},
                {"role": "user", "name": "ann", "content": [
                  {"type": "text", "text": "What is this?"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA", "detail": "low"}}
                ]},
                {"role": "assistant", "content": null, "tool_calls": [
                  {"id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": "{\"q\":\"x\"}"}}
                ]},
                {"role": "tool", "tool_call_id": "call_1", "content": "found"}
              ],
              "tools": [{"type": "function", "function": {"name": "lookup", "description": "Looks up", "parameters": {"type": "object", "properties": {"q": {"type": "string"}}}}}],
              "tool_choice": {"type": "function", "function": {"name": "lookup"}},
              "response_format": {"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object"}, "strict": true}},
              "max_tokens": 50,
              "max_completion_tokens": 70,
              "temperature": 0.5,
              "top_p": 0.9,
              "stop": ["END", "STOP"],
              "stream": true,
              "stream_options": {"include_usage": true},
              "metadata": {"feature": "faq", "customer": "c-1"},
              "user": "ignored-because-metadata-has-customer",
              "unknown_field": {"nested": [1, 2, 3]}
            }
            """);

        Assert.Equal("route:support", request.Model);
        Assert.Equal(4, request.Messages.Count);
        Assert.Equal(ChatRole.System, request.Messages[0].Role);
        Assert.Equal("Be brief.", request.Messages[0].Text);
        var user = request.Messages[1];
        Assert.Equal("ann", user.Name);
        Assert.Equal(ContentPartKind.ImageUrl, user.Content[1].Kind);
        Assert.Equal("image/png", user.Content[1].MediaType);
        var call = Assert.Single(request.Messages[2].ToolCalls);
        Assert.Equal(("call_1", "lookup", "{\"q\":\"x\"}"), (call.Id, call.Name, call.ArgumentsJson));
        Assert.Empty(request.Messages[2].Content);
        Assert.Equal(ChatRole.Tool, request.Messages[3].Role);
        Assert.Equal("call_1", request.Messages[3].ToolCallId);
        var tool = Assert.Single(request.Tools);
        Assert.Equal("lookup", tool.Name);
        Assert.Contains("\"properties\"", tool.ParametersJson, StringComparison.Ordinal);
        Assert.Equal(new ToolChoice(ToolChoiceMode.Function, "lookup"), request.ToolChoice);
        Assert.Equal(ResponseFormatKind.JsonSchema, request.ResponseFormat!.Kind);
        Assert.Equal("answer", request.ResponseFormat.SchemaName);
        Assert.Equal("{\"type\": \"object\"}", request.ResponseFormat.SchemaJson);
        Assert.True(request.ResponseFormat.Strict);
        Assert.Equal(70, request.MaxTokens);
        Assert.Equal(0.5, request.Temperature);
        Assert.Equal(0.9, request.TopP);
        Assert.Equal(["END", "STOP"], request.Stop);
        Assert.True(request.Stream);
        Assert.True(request.IncludeUsage);
        Assert.Equal("faq", request.Metadata["feature"]);
        Assert.Equal("c-1", request.Metadata["customer"]);
    }

    [Theory]
    [InlineData("\"auto\"", (int)ToolChoiceMode.Auto)]
    [InlineData("\"none\"", (int)ToolChoiceMode.None)]
    [InlineData("\"required\"", (int)ToolChoiceMode.Required)]
    public void Read_ToolChoiceString_MapsMode(string choice, int expected)
    {
        var request = Read($$"""{"model":"m","messages":[{"role":"user","content":"hi"}],"tool_choice":{{choice}}}""");

        Assert.Equal((ToolChoiceMode)expected, request.ToolChoice!.Mode);
    }

    [Fact]
    public void Read_MinimalBody_UsesDefaults()
    {
        var request = Read("""{"model":"m","messages":[{"role":"user","content":"hi"}],"stop":"X","user":"u-9","response_format":{"type":"json_object"}}""");

        Assert.False(request.Stream);
        Assert.False(request.IncludeUsage);
        Assert.Null(request.MaxTokens);
        Assert.Equal(["X"], request.Stop);
        Assert.Equal("u-9", request.Metadata["customer"]);
        Assert.Equal(ResponseFormatKind.JsonObject, request.ResponseFormat!.Kind);
        Assert.Equal("hi", request.Messages[0].Text);
    }

    [Fact]
    public void Read_IncludeUsageWithoutStream_IsOff()
    {
        var request = Read("""{"model":"m","messages":[{"role":"user","content":"hi"}],"stream_options":{"include_usage":true}}""");

        Assert.False(request.IncludeUsage);
    }

    [Theory]
    [InlineData("", null, ClientErrorCodes.InvalidJson)]
    [InlineData("{", null, ClientErrorCodes.InvalidJson)]
    [InlineData("[1]", null, ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}]} trailing""", null, ClientErrorCodes.InvalidJson)]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", "model", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":42,"messages":[{"role":"user","content":"hi"}]}""", "model", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"","messages":[{"role":"user","content":"hi"}]}""", "model", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m"}""", "messages", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[]}""", "messages", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","messages":{}}""", "messages", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":["hi"]}""", "messages[0]", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"a"},{"role":"wizard","content":"b"},{"role":"user","content":"c"}]}""", "messages[1].role", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","messages":[{"content":"hi"}]}""", "messages[0].role", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":7,"content":"hi"}]}""", "messages[0].role", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user"}]}""", "messages[0].content", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":5}]}""", "messages[0].content", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"audio"}]}]}""", "messages[0].content[0].type", ClientErrorCodes.Unsupported)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]}""", "messages[0].content[0].image_url.url", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":"tool","content":"x"}]}""", "messages[0].tool_call_id", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":"assistant"}]}""", "messages[0].content", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f"}}]}]}""", "messages[0].tool_calls[0].id", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x","tool_calls":[{"id":"a","function":{"name":"f"}}]}]}""", "messages[0].tool_calls", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"description":"d"}}]}""", "tools[0].function.name", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"code_interpreter"}]}""", "tools[0].type", ClientErrorCodes.Unsupported)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":"{}"}}]}""", "tools[0].function.parameters", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"tool_choice":"sometimes"}""", "tool_choice", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"xml"}}""", "response_format.type", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema"}}""", "response_format.json_schema", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":0}""", "max_tokens", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":1.5}""", "max_tokens", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":3}""", "temperature", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"top_p":"high"}""", "top_p", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"stop":[1]}""", "stop[0]", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"stream":"yes"}""", "stream", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"metadata":{"feature":1}}""", "metadata.feature", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"n":2}""", "n", ClientErrorCodes.Unsupported)]
    public void Read_InvalidBody_ThrowsWithParam(string json, string? param, string code)
    {
        var exception = Assert.Throws<ClientRequestException>(() => Read(json));

        Assert.Equal(param, exception.Param);
        Assert.Equal(code, exception.Code);
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        if (param is not null)
        {
            Assert.Contains(param, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_InvalidUtf8InString_ThrowsClientRequestException()
    {
        byte[] body = [.. "{\"model\":\""u8, 0xC3, 0x28, .. "\",\"messages\":[]}"u8];

        var exception = Assert.Throws<ClientRequestException>(() => OpenAiChatRequestReader.Read(body));

        Assert.Equal(ClientErrorCodes.InvalidJson, exception.Code);
    }

    [Fact]
    public void Read_DeeplyNestedUnknownField_ThrowsClientRequestException()
    {
        var json = "{\"x\":" + new string('[', 200) + new string(']', 200) + "}";

        Assert.Throws<ClientRequestException>(() => Read(json));
    }
}
