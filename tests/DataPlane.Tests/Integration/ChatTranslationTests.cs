using System.Text.Json;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>Both caller formats (OpenAI chat, Anthropic Messages), JSON and stream, against every provider kind.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class ChatTranslationTests(DataPlaneFixture fixture)
{
    public static TheoryData<string, string, string> AllProviders => new()
    {
        { "oa/gpt", "oa", "gpt" },
        { "an/claude", "an", "claude" },
        { "ge/gemini", "ge", "gemini" },
    };

    public static TheoryData<string, string, string> ForeignToAnthropicCallers => new()
    {
        { "oa/gpt", "oa", "gpt" },
        { "ge/gemini", "ge", "gemini" },
    };

    [Theory]
    [MemberData(nameof(AllProviders))]
    public async Task ChatCompletions_Json_AnsweredInOpenAiFormatByEveryProviderKind(string model, string provider, string upstream)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat(model));

        var body = await Gateway.OkJsonAsync(response);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        var choice = body.GetProperty("choices")[0];
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.False(string.IsNullOrWhiteSpace(choice.GetProperty("message").GetProperty("content").GetString()));
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.True(body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32() > 0);
        Assert.True(body.GetProperty("usage").GetProperty("completion_tokens").GetInt32() > 0);
        Assert.Equal(provider, Gateway.Header(response, "x-platform-provider"));
        Assert.Equal(tenant.Up(upstream), Gateway.Header(response, "x-platform-model"));
        Assert.StartsWith("req_", Gateway.Header(response, "x-request-id"), StringComparison.Ordinal);
        Assert.Equal("1", Gateway.Header(response, "x-platform-attempts"));
        Assert.Equal("0", Gateway.Header(response, "x-platform-fallbacks"));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up(upstream), "ok"));
    }

    [Theory]
    [MemberData(nameof(AllProviders))]
    public async Task ChatCompletions_Stream_ChunksThenUsageThenDoneFromEveryProviderKind(string model, string provider, string upstream)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key,
            Gateway.Chat(model, stream: true, extra: ""","stream_options":{"include_usage":true}"""));

        var (chunks, done) = (await SseStream.ReadAsync(response)).OpenAiChunks();
        Assert.True(done, "the stream did not end with [DONE]");
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.False(string.IsNullOrWhiteSpace(SseStream.Content(chunks)));
        var finishes = chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("finish_reason"))
            .Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()).ToList();
        Assert.Equal(["stop"], finishes);
        var usage = chunks[^1];
        Assert.Equal(0, usage.GetProperty("choices").GetArrayLength());
        Assert.True(usage.GetProperty("usage").GetProperty("completion_tokens").GetInt32() > 0);
        Assert.Equal(provider, Gateway.Header(response, "x-platform-provider"));
        Assert.Equal(tenant.Up(upstream), Gateway.Header(response, "x-platform-model"));
    }

    [Theory]
    [MemberData(nameof(AllProviders))]
    public async Task Messages_Json_AnsweredInAnthropicFormatByEveryProviderKind(string model, string provider, string upstream)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages(model));

        var body = await Gateway.OkJsonAsync(response);
        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal("assistant", body.GetProperty("role").GetString());
        var content = body.GetProperty("content");
        Assert.Equal("text", content[0].GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(content[0].GetProperty("text").GetString()));
        Assert.Equal("end_turn", body.GetProperty("stop_reason").GetString());
        Assert.True(body.GetProperty("usage").GetProperty("input_tokens").GetInt32() > 0);
        Assert.True(body.GetProperty("usage").GetProperty("output_tokens").GetInt32() > 0);
        Assert.Equal(provider, Gateway.Header(response, "x-platform-provider"));
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up(upstream), "ok"));
    }

    [Theory]
    [MemberData(nameof(AllProviders))]
    public async Task Messages_Stream_EventsInAnthropicOrderFromEveryProviderKind(string model, string provider, string upstream)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages(model, stream: true));

        var events = (await SseStream.ReadAsync(response)).AnthropicEvents();
        var names = events.Select(e => e.Name).Where(n => n != "ping").ToList();
        Assert.Equal("message_start", names[0]);
        Assert.Equal("content_block_start", names[1]);
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], names[^3..]);
        Assert.All(names[2..^3], n => Assert.Equal("content_block_delta", n));
        Assert.NotEmpty(names[2..^3]);
        var start = events[0].Data.GetProperty("message");
        Assert.Equal("assistant", start.GetProperty("role").GetString());
        var text = string.Concat(events.Where(e => e.Name == "content_block_delta")
            .Select(e => e.Data.GetProperty("delta"))
            .Select(d => { Assert.Equal("text_delta", d.GetProperty("type").GetString()); return d.GetProperty("text").GetString(); }));
        Assert.False(string.IsNullOrWhiteSpace(text));
        var delta = events.Single(e => e.Name == "message_delta").Data;
        Assert.Equal("end_turn", delta.GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.True(delta.GetProperty("usage").GetProperty("output_tokens").GetInt32() > 0);
        Assert.Equal(provider, Gateway.Header(response, "x-platform-provider"));
        Assert.Equal(tenant.Up(upstream), Gateway.Header(response, "x-platform-model"));
    }

    [Theory]
    [InlineData("oa/gpt")]
    [InlineData("ge/gemini")]
    public async Task ChatCompletions_JsonObjectFormat_ContentIsAJsonObject(string model)
    {
        // The simulator honours JSON mode for OpenAI and Gemini; Anthropic has none (the gateway adds an instruction).
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key,
            Gateway.Chat(model, "Give me JSON", extra: ""","response_format":{"type":"json_object"}"""));

        var body = await Gateway.OkJsonAsync(response);
        var content = body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        using var parsed = JsonDocument.Parse(content);
        Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
    }

    [Fact]
    public async Task ChatCompletions_JsonObjectFormatToAnthropic_Succeeds()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key,
            Gateway.Chat("an/claude", "Give me JSON", extra: ""","response_format":{"type":"json_object"}"""));

        var body = await Gateway.OkJsonAsync(response);
        Assert.Equal("stop", body.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }
}
