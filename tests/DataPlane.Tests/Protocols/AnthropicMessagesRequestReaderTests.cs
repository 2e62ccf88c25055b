using System.Text;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Anthropic;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class AnthropicMessagesRequestReaderTests
{
    private static ChatRequest Read(string json) => AnthropicMessagesRequestReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_FullBody_MapsEveryField()
    {
        var request = Read("""
            {
              "model": "claude-sonnet-4-5",
              "max_tokens": 300,
              "system": [{"type": "text", "text": "Rule one."}, {"type": "text", "text": "Rule two.", "cache_control": {"type": "ephemeral"}}],
              "messages": [
                {"role": "user", "content": [
                  {"type": "text", "text": "Look:"},
                  {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "QUJD"}}
                ]},
                {"role": "assistant", "content": [
                  {"type": "thinking", "thinking": "hmm", "signature": "s"},
                  {"type": "text", "text": "Let me check."},
                  {"type": "tool_use", "id": "toolu_1", "name": "lookup", "input": {"q": "cat"}}
                ]},
                {"role": "user", "content": [
                  {"type": "tool_result", "tool_use_id": "toolu_1", "content": [{"type": "text", "text": "a cat"}]},
                  {"type": "text", "text": "Thanks, and?"}
                ]}
              ],
              "tools": [{"name": "lookup", "description": "Finds", "input_schema": {"type": "object"}}],
              "tool_choice": {"type": "any"},
              "stop_sequences": ["\n\nHuman:"],
              "temperature": 0.2,
              "top_p": 0.8,
              "top_k": 5,
              "stream": true,
              "metadata": {"user_id": "cust-7"}
            }
            """);

        Assert.Equal("claude-sonnet-4-5", request.Model);
        Assert.Equal(300, request.MaxTokens);
        Assert.Equal(
            [ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.User],
            request.Messages.Select(m => m.Role));
        Assert.Equal("Rule one.\n\nRule two.", request.Messages[0].Text);
        Assert.Equal("data:image/jpeg;base64,QUJD", request.Messages[1].Content[1].Value);
        Assert.Equal("image/jpeg", request.Messages[1].Content[1].MediaType);
        var assistant = request.Messages[2];
        Assert.Equal("Let me check.", assistant.Text);
        var call = Assert.Single(assistant.ToolCalls);
        Assert.Equal(("toolu_1", "lookup", "{\"q\": \"cat\"}"), (call.Id, call.Name, call.ArgumentsJson));
        Assert.Equal("toolu_1", request.Messages[3].ToolCallId);
        Assert.Equal("a cat", request.Messages[3].Text);
        Assert.Equal("Thanks, and?", request.Messages[4].Text);
        Assert.Equal("{\"type\": \"object\"}", Assert.Single(request.Tools).ParametersJson);
        Assert.Equal(ToolChoiceMode.Required, request.ToolChoice!.Mode);
        Assert.Equal(["\n\nHuman:"], request.Stop);
        Assert.Equal(0.2, request.Temperature);
        Assert.Equal(0.8, request.TopP);
        Assert.True(request.Stream);
        Assert.Equal("cust-7", request.Metadata["customer"]);
    }

    [Theory]
    [InlineData("""{"type":"auto"}""", (int)ToolChoiceMode.Auto, null)]
    [InlineData("""{"type":"none"}""", (int)ToolChoiceMode.None, null)]
    [InlineData("""{"type":"tool","name":"f"}""", (int)ToolChoiceMode.Function, "f")]
    public void Read_ToolChoice_MapsMode(string choice, int mode, string? name)
    {
        var request = Read($$"""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"tool_choice":{{choice}}}""");

        Assert.Equal(new ToolChoice((ToolChoiceMode)mode, name), request.ToolChoice);
    }

    [Fact]
    public void Read_StringSystemAndToolResultString_Maps()
    {
        var request = Read("""{"model":"m","max_tokens":5,"system":"S","messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"42"}]}]}""");

        Assert.Equal("S", request.Messages[0].Text);
        var tool = Assert.Single(request.Messages, m => m.Role == ChatRole.Tool);
        Assert.Equal("42", tool.Text);
        Assert.DoesNotContain(request.Messages, m => m.Role == ChatRole.User);
    }

    [Theory]
    [InlineData("nope", null, ClientErrorCodes.InvalidJson)]
    [InlineData("""{"max_tokens":5,"messages":[{"role":"user","content":"hi"}]}""", "model", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", "max_tokens", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","max_tokens":"5","messages":[{"role":"user","content":"hi"}]}""", "max_tokens", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","max_tokens":5}""", "messages", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[]}""", "messages", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"system","content":"hi"}]}""", "messages[0].role", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user"}]}""", "messages[0].content", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"document"}]}]}""", "messages[0].content[0].type", ClientErrorCodes.Unsupported)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"text":"x"}]}]}""", "messages[0].content[0].type", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"a"},{"role":"user","content":[{"type":"image","source":{"type":"base64","data":"QQ=="}}]}]}""", "messages[1].content[0].source.media_type", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_use","id":"t","name":"f","input":{}}]}]}""", "messages[0].content", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"assistant","content":[{"type":"tool_result","tool_use_id":"t"}]}]}""", "messages[0].content", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result"}]}]}""", "messages[0].content[0].tool_use_id", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":[1]}]}]}""", "messages[0].content[0].input", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","max_tokens":5,"system":5,"messages":[{"role":"user","content":"hi"}]}""", "system", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"tools":[{"name":"f"}]}""", "tools[0].input_schema", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"tools":[{"type":"web_search_20250305","name":"web_search"}]}""", "tools[0].type", ClientErrorCodes.Unsupported)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"tool_choice":{"type":"tool"}}""", "tool_choice.name", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"tool_choice":"auto"}""", "tool_choice", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"temperature":1.5}""", "temperature", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"stop_sequences":"x"}""", "stop_sequences", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"metadata":{"user_id":3}}""", "metadata.user_id", ClientErrorCodes.InvalidType)]
    public void Read_InvalidBody_ThrowsWithParam(string json, string? param, string code)
    {
        var exception = Assert.Throws<ClientRequestException>(() => Read(json));

        Assert.Equal(param, exception.Param);
        Assert.Equal(code, exception.Code);
    }
}
