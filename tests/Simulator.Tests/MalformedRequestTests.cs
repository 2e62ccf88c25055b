using System.Net;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class MalformedRequestTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData(Wire.OpenAi, "", "invalid_request_error")]
    [InlineData(Wire.OpenAi, "{\"model\":", "invalid_request_error")]
    [InlineData(Wire.OpenAi, "[]", "invalid_request_error")]
    [InlineData(Wire.OpenAi, """{"messages":[{"role":"user","content":"x"}]}""", "invalid_request_error")]
    [InlineData(Wire.OpenAi, """{"model":"m","messages":[]}""", "invalid_request_error")]
    [InlineData(Wire.OpenAi, """{"model":"m","messages":[{"role":"user","content":5}]}""", "invalid_request_error")]
    [InlineData(Wire.OpenAi, """{"model":"m","messages":[{"role":"user","content":"x"}],"stream":"yes"}""", "invalid_request_error")]
    [InlineData(Wire.OpenAi, """{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":0}""", "invalid_request_error")]
    [InlineData(Wire.OpenAi, """{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function"}]}""", "invalid_request_error")]
    [InlineData(Wire.OpenAi, """{"model":"m","messages":[{"role":"user","content":"x"}],"tool_choice":"sometimes"}""", "invalid_request_error")]
    [InlineData(Wire.Anthropic, "not json", "invalid_request_error")]
    [InlineData(Wire.Anthropic, """{"model":"m","max_tokens":5,"messages":[{"role":"robot","content":"x"}]}""", "invalid_request_error")]
    [InlineData(Wire.Anthropic, """{"model":"m","max_tokens":5,"messages":[{"role":"user"}]}""", "invalid_request_error")]
    [InlineData(Wire.Anthropic, """{"model":"m","max_tokens":5,"system":7,"messages":[{"role":"user","content":"x"}]}""", "invalid_request_error")]
    [InlineData(Wire.Anthropic, """{"model":"m","max_tokens":"5","messages":[{"role":"user","content":"x"}]}""", "invalid_request_error")]
    [InlineData(Wire.Gemini, "{", "INVALID_ARGUMENT")]
    [InlineData(Wire.Gemini, """{"contents":"hello"}""", "INVALID_ARGUMENT")]
    [InlineData(Wire.Gemini, """{"contents":[{"role":"user"}]}""", "INVALID_ARGUMENT")]
    [InlineData(Wire.Gemini, """{"contents":[{"parts":[{"text":1}]}]}""", "INVALID_ARGUMENT")]
    [InlineData(Wire.Gemini, """{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"maxOutputTokens":"many"}}""", "INVALID_ARGUMENT")]
    [InlineData(Wire.Gemini, """{"contents":[{"parts":[{"text":"x"}]}],"toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":[1]}}}""", "INVALID_ARGUMENT")]
    public async Task Chat_MalformedBody_Returns400InTheFormatsShape(Wire wire, string json, string marker)
    {
        var path = wire switch
        {
            Wire.OpenAi => "v1/chat/completions",
            Wire.Anthropic => "v1/messages",
            _ => "v1beta/models/gemini-2.0-flash:generateContent",
        };

        var (status, body) = await Api.SendJsonAsync(_client, Api.Post(path, json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(marker, ErrorShape.Marker(wire, body));
    }
}
