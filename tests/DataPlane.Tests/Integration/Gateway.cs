using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>Raw HTTP calls to the data plane and the checks every test repeats.</summary>
internal static class Gateway
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? key, string body, bool anthropicKeyHeader = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            if (anthropicKeyHeader)
            {
                request.Headers.Add("x-api-key", key);
                request.Headers.Add("anthropic-version", "2023-06-01");
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ChatAsync(HttpClient client, string key, string body) =>
        PostAsync(client, "/v1/chat/completions", key, body);

    public static Task<HttpResponseMessage> MessagesAsync(HttpClient client, string key, string body) =>
        PostAsync(client, "/v1/messages", key, body, anthropicKeyHeader: true);

    /// <summary>A minimal OpenAI chat body; <paramref name="extra"/> is more JSON members, starting with a comma.</summary>
    public static string Chat(string model, string text = "Hello there", bool stream = false, string extra = "") =>
        $$"""{"model":{{JsonSerializer.Serialize(model)}},"messages":[{"role":"user","content":{{JsonSerializer.Serialize(text)}}}]{{(stream ? ",\"stream\":true" : "")}}{{extra}}}""";

    /// <summary>A minimal Anthropic Messages body.</summary>
    public static string Messages(string model, string text = "Hello there", bool stream = false, string extra = "") =>
        $$"""{"model":{{JsonSerializer.Serialize(model)}},"max_tokens":256,"messages":[{"role":"user","content":{{JsonSerializer.Serialize(text)}}}]{{(stream ? ",\"stream\":true" : "")}}{{extra}}}""";

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : null;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A 200 JSON answer; the body is in the failure message otherwise.</summary>
    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>An OpenAI-shaped error <c>{"error":{"message","type","code"}}</c> with this status (and code, when given).</summary>
    public static async Task<JsonElement> AssertOpenAiErrorAsync(HttpResponseMessage response, int status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var error = document.RootElement.GetProperty("error").Clone();
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
        Assert.True(error.TryGetProperty("code", out var actual), "error.code is missing: " + text);
        if (code is not null)
        {
            Assert.Equal(code, actual.GetString());
        }

        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return error;
    }

    /// <summary>An Anthropic-shaped error <c>{"type":"error","error":{"type","message"}}</c>.</summary>
    public static async Task<JsonElement> AssertAnthropicErrorAsync(HttpResponseMessage response, int status, string? type = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        Assert.Equal("error", document.RootElement.GetProperty("type").GetString());
        var error = document.RootElement.GetProperty("error").Clone();
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (type is not null)
        {
            Assert.Equal(type, error.GetProperty("type").GetString());
        }

        return error;
    }
}
