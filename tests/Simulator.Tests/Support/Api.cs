using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Simulator.Tests.Support;

/// <summary>Request builders and readers for the three wire formats.</summary>
public static class Api
{
    public static string UniqueModel(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static HttpRequestMessage Post(string path, string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>A one-turn chat request in <paramref name="wire"/>; <paramref name="extra"/> is appended to the body object.</summary>
    public static HttpRequestMessage Chat(
        Wire wire, string model, bool stream = false, string user = "Hello there", string extra = "", params (string Name, string Value)[] headers)
    {
        var text = JsonSerializer.Serialize(user);
        return wire switch
        {
            Wire.OpenAi => Post(
                "v1/chat/completions",
                $$"""{"model":"{{model}}","stream":{{Bool(stream)}},"messages":[{"role":"user","content":{{text}}}]{{extra}}}""",
                headers),
            Wire.Anthropic => Post(
                "v1/messages",
                $$"""{"model":"{{model}}","max_tokens":1024,"stream":{{Bool(stream)}},"messages":[{"role":"user","content":{{text}}}]{{extra}}}""",
                headers),
            _ => Post(
                $"v1beta/models/{model}:{(stream ? "streamGenerateContent?alt=sse" : "generateContent")}",
                $$"""{"contents":[{"role":"user","parts":[{"text":{{text}}}]}]{{extra}}}""",
                headers),
        };
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(text);
            return (response.StatusCode, document.RootElement.Clone());
        }
    }

    public static async Task<IReadOnlyList<SseEvent>> SendSseAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return Sse.Parse(await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>JSON payloads of the data events, without OpenAI's <c>[DONE]</c>.</summary>
    public static List<JsonElement> JsonData(IEnumerable<SseEvent> events) =>
        events.Where(e => e.Data != "[DONE]").Select(e => JsonDocument.Parse(e.Data).RootElement.Clone()).ToList();

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The reply text of a non-streaming response in any wire format.</summary>
    public static string ReplyText(Wire wire, JsonElement body) => wire switch
    {
        Wire.OpenAi => body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!,
        Wire.Anthropic => body.GetProperty("content")[0].GetProperty("text").GetString()!,
        _ => body.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts")[0].GetProperty("text").GetString()!,
    };

    private static string Bool(bool value) => value ? "true" : "false";
}
