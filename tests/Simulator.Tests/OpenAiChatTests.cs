using System.Net;
using System.Text.Json;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class OpenAiChatTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task ChatCompletions_PlainRequest_ReturnsCompletionWithUsage()
    {
        var (status, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("chatcmpl-", body.GetProperty("id").GetString());
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.True(body.GetProperty("created").GetInt64() > 1_600_000_000);
        Assert.Equal("gpt-4o", body.GetProperty("model").GetString());
        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        var content = choice.GetProperty("message").GetProperty("content").GetString()!;
        Assert.True(content.Split(". ").Length >= 2, content);
        Assert.False(choice.GetProperty("message").TryGetProperty("tool_calls", out _));

        var usage = body.GetProperty("usage");
        var prompt = usage.GetProperty("prompt_tokens").GetInt32();
        var completion = usage.GetProperty("completion_tokens").GetInt32();
        Assert.InRange(prompt, 5, 20);
        Assert.Equal((content.Length + 3) / 4, completion);
        Assert.Equal(prompt + completion, usage.GetProperty("total_tokens").GetInt32());
        Assert.Equal(0, usage.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32());
    }

    [Fact]
    public async Task ChatCompletions_SameRequestTwice_ReturnsSameText()
    {
        var (_, first) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", user: "Tell me about rivers"));
        var (_, second) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", user: "Tell me about rivers"));

        Assert.Equal(Api.ReplyText(Wire.OpenAi, first), Api.ReplyText(Wire.OpenAi, second));
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ChatCompletions_DifferentMessageOrModel_ReturnsDifferentText()
    {
        var (_, baseline) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", user: "Tell me about rivers"));
        var (_, otherMessage) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", user: "Tell me about stones"));
        var (_, otherModel) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o-mini", user: "Tell me about rivers"));

        Assert.NotEqual(Api.ReplyText(Wire.OpenAi, baseline), Api.ReplyText(Wire.OpenAi, otherMessage));
        Assert.NotEqual(Api.ReplyText(Wire.OpenAi, baseline), Api.ReplyText(Wire.OpenAi, otherModel));
    }

    [Fact]
    public async Task ChatCompletions_LongerPrompt_CountsMorePromptTokens()
    {
        var (_, small) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", user: "Hi"));
        var (_, large) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", user: new string('a', 400)));

        var smallTokens = small.GetProperty("usage").GetProperty("prompt_tokens").GetInt32();
        var largeTokens = large.GetProperty("usage").GetProperty("prompt_tokens").GetInt32();
        Assert.Equal(99, largeTokens - smallTokens);
    }

    [Theory]
    [InlineData("max_tokens")]
    [InlineData("max_completion_tokens")]
    public async Task ChatCompletions_MaxTokens_TruncatesAndReportsLength(string field)
    {
        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", extra: $",\"{field}\":5"));

        var choice = body.GetProperty("choices")[0];
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(20, choice.GetProperty("message").GetProperty("content").GetString()!.Length);
        Assert.Equal(5, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task ChatCompletions_CachedTokensHeader_ReportsCachedTokens()
    {
        var (_, body) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.OpenAi, "gpt-4o", user: new string('b', 200), headers: (SimulatorHeaders.CachedTokens, "32")));

        var usage = body.GetProperty("usage");
        Assert.Equal(32, usage.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32());
        Assert.True(usage.GetProperty("prompt_tokens").GetInt32() >= 32);
    }

    [Fact]
    public async Task ChatCompletions_Tools_ReturnsOneToolCallFillingRequiredArguments()
    {
        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", extra: ToolsJson));

        var choice = body.GetProperty("choices")[0];
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        var message = choice.GetProperty("message");
        Assert.Equal(JsonValueKind.Null, message.GetProperty("content").ValueKind);
        var call = Assert.Single(message.GetProperty("tool_calls").EnumerateArray());
        Assert.StartsWith("call_", call.GetProperty("id").GetString());
        Assert.Equal("function", call.GetProperty("type").GetString());
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        var arguments = Api.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!);
        Assert.Equal("sample", arguments.GetProperty("city").GetString());
        Assert.Equal(1, arguments.GetProperty("days").GetInt32());
        Assert.True(arguments.GetProperty("metric").GetBoolean());
        Assert.Equal("celsius", arguments.GetProperty("unit").GetString());
        Assert.False(arguments.TryGetProperty("optional", out _));
    }

    [Fact]
    public async Task ChatCompletions_ForcedTool_CallsThatTool()
    {
        var extra = ToolsJson + ""","tool_choice":{"type":"function","function":{"name":"get_time"}}""";
        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", extra: extra));

        var call = body.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0];
        Assert.Equal("get_time", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("{\"zone\":\"sample\"}", call.GetProperty("function").GetProperty("arguments").GetString());
    }

    [Fact]
    public async Task ChatCompletions_ToolChoiceNone_ReturnsText()
    {
        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", extra: ToolsJson + ",\"tool_choice\":\"none\""));

        var choice = body.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.False(string.IsNullOrEmpty(choice.GetProperty("message").GetProperty("content").GetString()));
    }

    [Fact]
    public async Task ChatCompletions_ToolResultLast_ReplyMentionsToolResult()
    {
        var json = $$$"""
            {"model":"gpt-4o","messages":[
              {"role":"user","content":"Weather in Oslo?"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"22 degrees and sunny"}
            ]{{{ToolsJson}}}}
            """;
        var (_, body) = await Api.SendJsonAsync(_client, Api.Post("v1/chat/completions", json));

        var choice = body.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Contains("22 degrees and sunny", choice.GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task ChatCompletions_JsonObjectMode_ContentIsJsonObject()
    {
        var (_, body) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.OpenAi, "gpt-4o", extra: ""","response_format":{"type":"json_object"}"""));

        var content = Api.Parse(Api.ReplyText(Wire.OpenAi, body));
        Assert.Equal(JsonValueKind.Object, content.ValueKind);
        Assert.False(string.IsNullOrEmpty(content.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task ChatCompletions_JsonSchemaMode_FillsRequiredProperties()
    {
        const string Format = """
            ,"response_format":{"type":"json_schema","json_schema":{"name":"person","strict":true,"schema":{
              "type":"object","required":["name","age","tags","address"],
              "properties":{"name":{"type":"string"},"age":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}},
                "address":{"type":"object","required":["zip"],"properties":{"zip":{"type":["string","null"]}}}}}}}
            """;
        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.OpenAi, "gpt-4o", extra: Format));

        var content = Api.Parse(Api.ReplyText(Wire.OpenAi, body));
        Assert.Equal("sample", content.GetProperty("name").GetString());
        Assert.Equal(1, content.GetProperty("age").GetInt32());
        Assert.Equal("sample", Assert.Single(content.GetProperty("tags").EnumerateArray()).GetString());
        Assert.Equal("sample", content.GetProperty("address").GetProperty("zip").GetString());
    }

    internal const string ToolsJson = """
        ,"tools":[
          {"type":"function","function":{"name":"get_weather","description":"Weather","parameters":{
            "type":"object","required":["city","days","metric","unit"],
            "properties":{"city":{"type":"string"},"days":{"type":"integer"},"metric":{"type":"boolean"},
              "unit":{"type":"string","enum":["celsius","fahrenheit"]},"optional":{"type":"string"}}}}},
          {"type":"function","function":{"name":"get_time","parameters":{"type":"object","required":["zone"],"properties":{"zone":{"type":"string"}}}}}
        ]
        """;
}
