using System.Net;
using System.Text.Json;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class AnthropicMessagesTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Tools = """
        ,"tools":[{"name":"lookup_order","description":"Find an order","input_schema":{
          "type":"object","required":["order_id","include_items"],
          "properties":{"order_id":{"type":"string"},"include_items":{"type":"boolean"},"limit":{"type":"integer"}}}},
          {"name":"cancel_order","input_schema":{"type":"object","required":["reason"],"properties":{"reason":{"type":"string"}}}}]
        """;

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Messages_PlainRequest_ReturnsMessageWithUsage()
    {
        var (status, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("msg_", body.GetProperty("id").GetString());
        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal("assistant", body.GetProperty("role").GetString());
        Assert.Equal("claude-sonnet-4-5", body.GetProperty("model").GetString());
        Assert.Equal("end_turn", body.GetProperty("stop_reason").GetString());
        var block = Assert.Single(body.GetProperty("content").EnumerateArray());
        Assert.Equal("text", block.GetProperty("type").GetString());
        var text = block.GetProperty("text").GetString()!;
        var usage = body.GetProperty("usage");
        Assert.InRange(usage.GetProperty("input_tokens").GetInt32(), 5, 20);
        Assert.Equal((text.Length + 3) / 4, usage.GetProperty("output_tokens").GetInt32());
        Assert.Equal(0, usage.GetProperty("cache_read_input_tokens").GetInt32());
    }

    [Fact]
    public async Task Messages_SameRequestTwice_ReturnsSameText()
    {
        var (_, first) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", user: "Plan a trip"));
        var (_, second) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", user: "Plan a trip"));

        Assert.Equal(Api.ReplyText(Wire.Anthropic, first), Api.ReplyText(Wire.Anthropic, second));
    }

    [Fact]
    public async Task Messages_SystemAsStringOrBlocks_CountsSystemTokensAlike()
    {
        var system = new string('s', 400);
        var (_, none) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5"));
        var (_, asString) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", extra: $",\"system\":\"{system}\""));
        var (_, asBlocks) = await Api.SendJsonAsync(
            _client,
            Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", extra: $",\"system\":[{{\"type\":\"text\",\"text\":\"{system}\",\"cache_control\":{{\"type\":\"ephemeral\"}}}}]"));

        var baseline = none.GetProperty("usage").GetProperty("input_tokens").GetInt32();
        var withString = asString.GetProperty("usage").GetProperty("input_tokens").GetInt32();
        Assert.True(withString >= baseline + 100, $"{withString} vs {baseline}");
        Assert.Equal(withString, asBlocks.GetProperty("usage").GetProperty("input_tokens").GetInt32());
    }

    [Fact]
    public async Task Messages_CachedTokensHeader_ReportsCacheReadApartFromInput()
    {
        var (_, plain) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", user: new string('c', 200)));
        var (_, cached) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", user: new string('c', 200), headers: (SimulatorHeaders.CachedTokens, "40")));

        var usage = cached.GetProperty("usage");
        Assert.Equal(40, usage.GetProperty("cache_read_input_tokens").GetInt32());
        Assert.Equal(plain.GetProperty("usage").GetProperty("input_tokens").GetInt32() - 40, usage.GetProperty("input_tokens").GetInt32());
    }

    [Fact]
    public async Task Messages_MaxTokens_TruncatesWithStopReasonMaxTokens()
    {
        var json = """{"model":"claude-sonnet-4-5","max_tokens":4,"messages":[{"role":"user","content":"Hello"}]}""";
        var (_, body) = await Api.SendJsonAsync(_client, Api.Post("v1/messages", json));

        Assert.Equal("max_tokens", body.GetProperty("stop_reason").GetString());
        Assert.Equal(4, body.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal(16, Api.ReplyText(Wire.Anthropic, body).Length);
    }

    [Fact]
    public async Task Messages_MissingMaxTokens_Returns400InAnthropicShape()
    {
        var json = """{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hello"}]}""";
        var (status, body) = await Api.SendJsonAsync(_client, Api.Post("v1/messages", json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("error", body.GetProperty("type").GetString());
        Assert.Equal("invalid_request_error", body.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("max_tokens", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Messages_Tools_ReturnsToolUseBlock()
    {
        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", extra: Tools));

        Assert.Equal("tool_use", body.GetProperty("stop_reason").GetString());
        var block = Assert.Single(body.GetProperty("content").EnumerateArray());
        Assert.Equal("tool_use", block.GetProperty("type").GetString());
        Assert.StartsWith("toolu_", block.GetProperty("id").GetString());
        Assert.Equal("lookup_order", block.GetProperty("name").GetString());
        var input = block.GetProperty("input");
        Assert.Equal("sample", input.GetProperty("order_id").GetString());
        Assert.True(input.GetProperty("include_items").GetBoolean());
        Assert.False(input.TryGetProperty("limit", out _));
    }

    [Theory]
    [InlineData("""{"type":"tool","name":"cancel_order"}""", "tool_use")]
    [InlineData("""{"type":"none"}""", "end_turn")]
    public async Task Messages_ToolChoice_IsHonoured(string choice, string stopReason)
    {
        var (_, body) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", extra: Tools + ",\"tool_choice\":" + choice));

        Assert.Equal(stopReason, body.GetProperty("stop_reason").GetString());
        if (stopReason == "tool_use")
        {
            Assert.Equal("cancel_order", body.GetProperty("content")[0].GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Messages_ToolResultLast_ReplyMentionsToolResult()
    {
        var json = $$$"""
            {"model":"claude-sonnet-4-5","max_tokens":512,"messages":[
              {"role":"user","content":"Where is order 7?"},
              {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"lookup_order","input":{"order_id":"7"}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"Order 7 shipped on Monday"}]}
            ]{{{Tools}}}}
            """;
        var (_, body) = await Api.SendJsonAsync(_client, Api.Post("v1/messages", json));

        Assert.Equal("end_turn", body.GetProperty("stop_reason").GetString());
        Assert.Contains("Order 7 shipped on Monday", Api.ReplyText(Wire.Anthropic, body));
    }

    [Fact]
    public async Task Stream_Text_SendsEventsInAnthropicOrderWithUsage()
    {
        var events = await Api.SendSseAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", stream: true));

        var names = events.Select(e => e.Event).ToList();
        Assert.Equal("message_start", names[0]);
        Assert.Equal("message_stop", names[^1]);
        Assert.Equal("message_delta", names[^2]);
        Assert.Equal("content_block_stop", names[^3]);
        Assert.Contains("content_block_start", names);
        Assert.True(names.Count(name => name == "content_block_delta") >= 3);
        Assert.All(events, e => Assert.Equal(e.Event, Api.Parse(e.Data).GetProperty("type").GetString()));

        var start = Api.Parse(events[0].Data).GetProperty("message");
        Assert.True(start.GetProperty("usage").GetProperty("input_tokens").GetInt32() > 0);
        var delta = Api.Parse(events[^2].Data);
        Assert.Equal("end_turn", delta.GetProperty("delta").GetProperty("stop_reason").GetString());

        var (_, whole) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5"));
        var text = string.Concat(events.Where(e => e.Event == "content_block_delta")
            .Select(e => Api.Parse(e.Data).GetProperty("delta"))
            .Select(d => { Assert.Equal("text_delta", d.GetProperty("type").GetString()); return d.GetProperty("text").GetString(); }));
        Assert.Equal(Api.ReplyText(Wire.Anthropic, whole), text);
        Assert.Equal(whole.GetProperty("usage").GetProperty("output_tokens").GetInt32(), delta.GetProperty("usage").GetProperty("output_tokens").GetInt32());
    }

    [Fact]
    public async Task Stream_ToolUse_StreamsInputJsonDeltasInFragments()
    {
        var events = await Api.SendSseAsync(_client, Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", stream: true, extra: Tools));

        var blockStart = Api.Parse(events.Single(e => e.Event == "content_block_start").Data).GetProperty("content_block");
        Assert.Equal("tool_use", blockStart.GetProperty("type").GetString());
        Assert.Equal("lookup_order", blockStart.GetProperty("name").GetString());
        var fragments = events.Where(e => e.Event == "content_block_delta")
            .Select(e => Api.Parse(e.Data).GetProperty("delta"))
            .Select(d => { Assert.Equal("input_json_delta", d.GetProperty("type").GetString()); return d.GetProperty("partial_json").GetString()!; })
            .ToList();
        Assert.True(fragments.Count >= 2, $"only {fragments.Count} fragments");
        Assert.Equal("sample", Api.Parse(string.Concat(fragments)).GetProperty("order_id").GetString());
        Assert.Equal("tool_use", Api.Parse(events[^2].Data).GetProperty("delta").GetProperty("stop_reason").GetString());
    }

    [Fact]
    public async Task Stream_CachedTokens_ReportedInMessageStart()
    {
        var events = await Api.SendSseAsync(
            _client,
            Api.Chat(Wire.Anthropic, "claude-sonnet-4-5", stream: true, user: new string('d', 100), headers: (SimulatorHeaders.CachedTokens, "10")));

        var usage = Api.Parse(events[0].Data).GetProperty("message").GetProperty("usage");
        Assert.Equal(10, usage.GetProperty("cache_read_input_tokens").GetInt32());
        Assert.Equal(JsonValueKind.Number, usage.GetProperty("input_tokens").ValueKind);
    }
}
