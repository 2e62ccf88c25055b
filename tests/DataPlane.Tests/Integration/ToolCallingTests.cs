using System.Text.Json;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>Function calling through every translation, JSON and streamed.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class ToolCallingTests(DataPlaneFixture fixture)
{
    private const string OpenAiTools = ""","tools":[{"type":"function","function":{"name":"get_weather","description":"Weather for a city","parameters":{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city","days"]}}}],"tool_choice":"auto" """;

    private const string AnthropicTools = ""","tools":[{"name":"get_weather","description":"Weather for a city","input_schema":{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city","days"]}}]""";

    public static TheoryData<string> AllModels => ["oa/gpt", "an/claude", "ge/gemini"];

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task ChatCompletions_Tools_ToolCallInOpenAiFormat(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat(model, "Weather in Paris?", extra: OpenAiTools));

        var choice = (await Gateway.OkJsonAsync(response)).GetProperty("choices")[0];
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        var call = choice.GetProperty("message").GetProperty("tool_calls")[0];
        Assert.Equal("function", call.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(call.GetProperty("id").GetString()));
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        AssertArguments(call.GetProperty("function").GetProperty("arguments").GetString()!);
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task ChatCompletions_ToolsStreamed_ToolCallDeltasInOpenAiFormat(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat(model, "Weather in Paris?", stream: true, extra: OpenAiTools));

        var (chunks, done) = (await SseStream.ReadAsync(response)).OpenAiChunks();
        Assert.True(done);
        var deltas = chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Where(d => d.TryGetProperty("tool_calls", out _))
            .Select(d => d.GetProperty("tool_calls")[0])
            .ToList();
        Assert.NotEmpty(deltas);
        Assert.Equal("get_weather", deltas[0].GetProperty("function").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(deltas[0].GetProperty("id").GetString()));
        Assert.All(deltas, d => Assert.Equal(0, d.GetProperty("index").GetInt32()));
        AssertArguments(string.Concat(deltas.Select(d => d.GetProperty("function").GetProperty("arguments").GetString())));
        var finish = chunks.Select(c => c.GetProperty("choices")).Where(c => c.GetArrayLength() > 0)
            .Select(c => c[0].GetProperty("finish_reason")).Last(f => f.ValueKind == JsonValueKind.String);
        Assert.Equal("tool_calls", finish.GetString());
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task Messages_Tools_ToolUseBlockInAnthropicFormat(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages(model, "Weather in Paris?", extra: AnthropicTools));

        var body = await Gateway.OkJsonAsync(response);
        Assert.Equal("tool_use", body.GetProperty("stop_reason").GetString());
        var block = body.GetProperty("content").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "tool_use");
        Assert.Equal("get_weather", block.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(block.GetProperty("id").GetString()));
        AssertArguments(block.GetProperty("input").GetRawText());
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task Messages_ToolsStreamed_InputJsonDeltasInAnthropicFormat(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages(model, "Weather in Paris?", stream: true, extra: AnthropicTools));

        var events = (await SseStream.ReadAsync(response)).AnthropicEvents();
        Assert.Equal("message_start", events[0].Name);
        Assert.Equal("message_stop", events[^1].Name);
        var start = events.Single(e => e.Name == "content_block_start"
            && e.Data.GetProperty("content_block").GetProperty("type").GetString() == "tool_use");
        Assert.Equal("get_weather", start.Data.GetProperty("content_block").GetProperty("name").GetString());
        var index = start.Data.GetProperty("index").GetInt32();
        var json = string.Concat(events
            .Where(e => e.Name == "content_block_delta" && e.Data.GetProperty("index").GetInt32() == index)
            .Select(e => e.Data.GetProperty("delta"))
            .Select(d => { Assert.Equal("input_json_delta", d.GetProperty("type").GetString()); return d.GetProperty("partial_json").GetString(); }));
        AssertArguments(json);
        Assert.Contains(events, e => e.Name == "content_block_stop" && e.Data.GetProperty("index").GetInt32() == index);
        var delta = events.Single(e => e.Name == "message_delta");
        Assert.Equal("tool_use", delta.Data.GetProperty("delta").GetProperty("stop_reason").GetString());
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task ChatCompletions_ToolResultTurn_TextAnswerQuotingTheResult(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        const string Body = """
            {"model":"MODEL","messages":[
              {"role":"user","content":"Weather in Paris?"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\",\"days\":1}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"sunny-and-warm"}],
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city","days"]}}}]}
            """;

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Body.Replace("MODEL", model, StringComparison.Ordinal));

        var choice = (await Gateway.OkJsonAsync(response)).GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Contains("sunny-and-warm", choice.GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The simulator fills required properties: strings with "sample", integers with 1.</summary>
    private static void AssertArguments(string json)
    {
        using var arguments = JsonDocument.Parse(json);
        Assert.Equal("sample", arguments.RootElement.GetProperty("city").GetString());
        Assert.Equal(1, arguments.RootElement.GetProperty("days").GetInt32());
    }
}
