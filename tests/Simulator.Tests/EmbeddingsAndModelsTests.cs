using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class EmbeddingsAndModelsTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = fixture.Client;
    private readonly SimulatorServer _server = fixture.Server;

    [Fact]
    public async Task Embeddings_StringInput_ReturnsOneUnitVectorOfDefaultLength()
    {
        var (status, body) = await Api.SendJsonAsync(
            _client, Api.Post("v1/embeddings", """{"model":"text-embedding-3-small","input":"The quick brown fox"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("list", body.GetProperty("object").GetString());
        var item = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal("embedding", item.GetProperty("object").GetString());
        var vector = Floats(item.GetProperty("embedding"));
        Assert.Equal(64, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 3);
        Assert.Equal(5, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(5, body.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Embeddings_ArrayInputWithDimensions_ReturnsDeterministicVectorPerInput()
    {
        const string Json = """{"model":"text-embedding-3-small","input":["alpha","beta","alpha"],"dimensions":8}""";
        var (_, first) = await Api.SendJsonAsync(_client, Api.Post("v1/embeddings", Json));
        var (_, second) = await Api.SendJsonAsync(_client, Api.Post("v1/embeddings", Json));

        var data = first.GetProperty("data");
        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal([0, 1, 2], data.EnumerateArray().Select(item => item.GetProperty("index").GetInt32()));
        var alpha = Floats(data[0].GetProperty("embedding"));
        Assert.Equal(8, alpha.Length);
        Assert.Equal(alpha, Floats(data[2].GetProperty("embedding")));
        Assert.NotEqual(alpha, Floats(data[1].GetProperty("embedding")));
        Assert.Equal(alpha, Floats(second.GetProperty("data")[0].GetProperty("embedding")));
    }

    [Fact]
    public async Task Embeddings_Base64Encoding_DecodesToTheFloatVector()
    {
        var (_, floats) = await Api.SendJsonAsync(
            _client, Api.Post("v1/embeddings", """{"model":"e","input":"same","dimensions":16}"""));
        var (_, base64) = await Api.SendJsonAsync(
            _client, Api.Post("v1/embeddings", """{"model":"e","input":"same","dimensions":16,"encoding_format":"base64"}"""));

        var bytes = Convert.FromBase64String(base64.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        Assert.Equal(Floats(floats.GetProperty("data")[0].GetProperty("embedding")), MemoryMarshal.Cast<byte, float>(bytes).ToArray());
    }

    [Theory]
    [InlineData("""{"model":"e"}""")]
    [InlineData("""{"model":"e","input":42}""")]
    [InlineData("""{"input":"x"}""")]
    [InlineData("""{"model":"e","input":"x","dimensions":-1}""")]
    [InlineData("[1,2")]
    public async Task Embeddings_InvalidBody_Returns400InOpenAiShape(string json)
    {
        var (status, body) = await Api.SendJsonAsync(_client, Api.Post("v1/embeddings", json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", ErrorShape.Marker(Wire.OpenAi, body));
    }

    [Fact]
    public async Task Embeddings_FaultHeader_ReturnsOpenAiError()
    {
        var (status, body) = await Api.SendJsonAsync(
            _client, Api.Post("v1/embeddings", """{"model":"e","input":"x"}""", (SimulatorHeaders.Fault, "429")));

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("rate_limit_exceeded", ErrorShape.Marker(Wire.OpenAi, body));
    }

    [Fact]
    public async Task Models_List_ContainsDefaultAndScriptedModels()
    {
        var scripted = Api.UniqueModel("scripted");
        _server.Scripts.Set(scripted, new ModelScript { LatencyMs = 1 });

        using var response = await _client.GetAsync("v1/models");
        var body = Api.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("list", body.GetProperty("object").GetString());
        var ids = body.GetProperty("data").EnumerateArray().Select(model => model.GetProperty("id").GetString()).ToList();
        Assert.Contains("gpt-4o", ids);
        Assert.Contains("claude-sonnet-4-5", ids);
        Assert.Contains(scripted, ids);
        Assert.All(body.GetProperty("data").EnumerateArray(), model => Assert.Equal("model", model.GetProperty("object").GetString()));
    }

    [Fact]
    public async Task Models_AnthropicVersionHeader_ReturnsAnthropicShape()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/models");
        request.Headers.Add("anthropic-version", "2023-06-01");
        using var response = await _client.SendAsync(request);
        var body = Api.Parse(await response.Content.ReadAsStringAsync());

        Assert.False(body.GetProperty("has_more").GetBoolean());
        var first = body.GetProperty("data")[0];
        Assert.Equal("model", first.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.String, first.GetProperty("display_name").ValueKind);
    }

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(value => value.GetSingle()).ToArray();
}
