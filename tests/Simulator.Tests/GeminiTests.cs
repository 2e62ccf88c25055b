using System.Net;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class GeminiTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Tools = """
        ,"tools":[{"functionDeclarations":[
          {"name":"find_flight","description":"Find flights","parameters":{"type":"OBJECT","required":["from","passengers"],
            "properties":{"from":{"type":"STRING"},"passengers":{"type":"INTEGER"},"direct":{"type":"BOOLEAN"}}}},
          {"name":"book_hotel","parameters":{"type":"OBJECT","required":["city"],"properties":{"city":{"type":"STRING"}}}}]}]
        """;

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task GenerateContent_PlainRequest_ReturnsCandidateWithUsage()
    {
        var (status, body) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", extra: ""","systemInstruction":{"parts":[{"text":"Be brief."}]}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        var candidate = Assert.Single(body.GetProperty("candidates").EnumerateArray());
        Assert.Equal("model", candidate.GetProperty("content").GetProperty("role").GetString());
        Assert.Equal("STOP", candidate.GetProperty("finishReason").GetString());
        var text = Api.ReplyText(Wire.Gemini, body);
        var usage = body.GetProperty("usageMetadata");
        var prompt = usage.GetProperty("promptTokenCount").GetInt32();
        var candidates = usage.GetProperty("candidatesTokenCount").GetInt32();
        Assert.InRange(prompt, 8, 30);
        Assert.Equal((text.Length + 3) / 4, candidates);
        Assert.Equal(prompt + candidates, usage.GetProperty("totalTokenCount").GetInt32());
        Assert.Equal(0, usage.GetProperty("cachedContentTokenCount").GetInt32());
        Assert.Equal("gemini-2.0-flash", body.GetProperty("modelVersion").GetString());
    }

    [Fact]
    public async Task GenerateContent_SameRequestTwice_ReturnsSameText()
    {
        var (_, first) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", user: "Summarise"));
        var (_, second) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", user: "Summarise"));

        Assert.Equal(Api.ReplyText(Wire.Gemini, first), Api.ReplyText(Wire.Gemini, second));
    }

    [Fact]
    public async Task GenerateContent_MaxOutputTokens_ReportsMaxTokens()
    {
        var (_, body) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", extra: ""","generationConfig":{"maxOutputTokens":6}"""));

        Assert.Equal("MAX_TOKENS", body.GetProperty("candidates")[0].GetProperty("finishReason").GetString());
        Assert.Equal(6, body.GetProperty("usageMetadata").GetProperty("candidatesTokenCount").GetInt32());
        Assert.Equal(24, Api.ReplyText(Wire.Gemini, body).Length);
    }

    [Fact]
    public async Task GenerateContent_JsonMimeType_ReturnsJsonText()
    {
        var (_, plain) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", extra: ""","generationConfig":{"responseMimeType":"application/json"}"""));
        var (_, schema) = await Api.SendJsonAsync(
            _client,
            Api.Chat(Wire.Gemini, "gemini-2.0-flash", extra: """
                ,"generationConfig":{"responseMimeType":"application/json","responseSchema":{"type":"OBJECT","required":["title","score"],
                  "properties":{"title":{"type":"STRING"},"score":{"type":"NUMBER"}}}}
                """));

        Assert.False(string.IsNullOrEmpty(Api.Parse(Api.ReplyText(Wire.Gemini, plain)).GetProperty("answer").GetString()));
        var filled = Api.Parse(Api.ReplyText(Wire.Gemini, schema));
        Assert.Equal("sample", filled.GetProperty("title").GetString());
        Assert.Equal(1, filled.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task GenerateContent_FunctionDeclarations_ReturnsFunctionCall()
    {
        var (_, body) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", extra: Tools));

        var part = Assert.Single(body.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts").EnumerateArray());
        var call = part.GetProperty("functionCall");
        Assert.Equal("find_flight", call.GetProperty("name").GetString());
        Assert.Equal("sample", call.GetProperty("args").GetProperty("from").GetString());
        Assert.Equal(1, call.GetProperty("args").GetProperty("passengers").GetInt32());
        Assert.False(call.GetProperty("args").TryGetProperty("direct", out _));
    }

    [Theory]
    [InlineData("""{"mode":"ANY","allowedFunctionNames":["book_hotel"]}""", "book_hotel")]
    [InlineData("""{"mode":"NONE"}""", null)]
    public async Task GenerateContent_FunctionCallingConfig_IsHonoured(string config, string? expectedCall)
    {
        var (_, body) = await Api.SendJsonAsync(
            _client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", extra: Tools + ",\"toolConfig\":{\"functionCallingConfig\":" + config + "}"));

        var part = body.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts")[0];
        if (expectedCall is null)
        {
            Assert.True(part.TryGetProperty("text", out _));
        }
        else
        {
            Assert.Equal(expectedCall, part.GetProperty("functionCall").GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task GenerateContent_FunctionResponseLast_ReplyMentionsResult()
    {
        var json = """
            {"contents":[
              {"role":"user","parts":[{"text":"Flights from Oslo?"}]},
              {"role":"model","parts":[{"functionCall":{"name":"find_flight","args":{"from":"OSL","passengers":1}}}]},
              {"role":"user","parts":[{"functionResponse":{"name":"find_flight","response":{"flight":"SK4035"}}}]}
            ]
            """ + Tools + "}";
        var (_, body) = await Api.SendJsonAsync(_client, Api.Post("v1beta/models/gemini-2.0-flash:generateContent", json));

        Assert.Contains("SK4035", Api.ReplyText(Wire.Gemini, body));
    }

    [Fact]
    public async Task StreamGenerateContent_Sse_SendsUsageOnlyOnFinalChunk()
    {
        var events = await Api.SendSseAsync(_client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", stream: true, user: "Stream me"));

        var chunks = Api.JsonData(events);
        Assert.True(chunks.Count >= 3, $"only {chunks.Count} chunks");
        Assert.All(chunks[..^1], chunk => Assert.False(chunk.TryGetProperty("usageMetadata", out _)));
        Assert.All(chunks[..^1], chunk => Assert.False(chunk.GetProperty("candidates")[0].TryGetProperty("finishReason", out _)));
        var final = chunks[^1];
        Assert.Equal("STOP", final.GetProperty("candidates")[0].GetProperty("finishReason").GetString());
        Assert.True(final.GetProperty("usageMetadata").GetProperty("totalTokenCount").GetInt32() > 0);

        var (_, whole) = await Api.SendJsonAsync(_client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", user: "Stream me"));
        var text = string.Concat(chunks.Select(chunk => Api.ReplyText(Wire.Gemini, chunk)));
        Assert.Equal(Api.ReplyText(Wire.Gemini, whole), text);
    }

    [Fact]
    public async Task StreamGenerateContent_WithoutAltSse_StreamsOneJsonArray()
    {
        using var request = Api.Post("v1beta/models/gemini-2.0-flash:streamGenerateContent", """{"contents":[{"parts":[{"text":"Hi"}]}]}""");
        using var response = await _client.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var array = Api.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(array.GetArrayLength() >= 2);
        Assert.True(array[array.GetArrayLength() - 1].TryGetProperty("usageMetadata", out _));
    }

    [Fact]
    public async Task StreamGenerateContent_FunctionCall_ArrivesWholeInOneChunk()
    {
        var events = await Api.SendSseAsync(_client, Api.Chat(Wire.Gemini, "gemini-2.0-flash", stream: true, extra: Tools));

        var chunk = Assert.Single(Api.JsonData(events));
        var call = chunk.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts")[0].GetProperty("functionCall");
        Assert.Equal("find_flight", call.GetProperty("name").GetString());
        Assert.True(chunk.TryGetProperty("usageMetadata", out _));
    }

    [Fact]
    public async Task Models_UnknownMethod_Returns404InGeminiShape()
    {
        using var request = Api.Post("v1beta/models/gemini-2.0-flash:explode", "{}");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = Api.Parse(await response.Content.ReadAsStringAsync()).GetProperty("error");
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.Equal("NOT_FOUND", error.GetProperty("status").GetString());
    }

    [Fact]
    public async Task StreamGenerateContent_CachedTokensHeader_ReportedOnFinalChunk()
    {
        var events = await Api.SendSseAsync(
            _client,
            Api.Chat(Wire.Gemini, "gemini-2.0-flash", stream: true, user: new string('g', 200), headers: (SimulatorHeaders.CachedTokens, "12")));

        var usage = Api.JsonData(events)[^1].GetProperty("usageMetadata");
        Assert.Equal(12, usage.GetProperty("cachedContentTokenCount").GetInt32());
        Assert.True(usage.GetProperty("promptTokenCount").GetInt32() >= 12);
    }
}
