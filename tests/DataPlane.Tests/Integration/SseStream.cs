using System.Text.Json;
using Platform.DataPlane.Tests.Protocols;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>A whole SSE response from the data plane, split into events with parsed JSON.</summary>
internal sealed record SseStream(IReadOnlyList<(string? Event, string Data)> Events)
{
    public static async Task<SseStream> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected a stream, got {(int)response.StatusCode}: {text}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseStream(SseTestParsing.Split(text));
    }

    /// <summary>OpenAI: the JSON of every data event before <c>[DONE]</c>, and whether <c>[DONE]</c> ended it.</summary>
    public (List<JsonElement> Chunks, bool Done) OpenAiChunks()
    {
        var chunks = new List<JsonElement>();
        for (var i = 0; i < Events.Count; i++)
        {
            Assert.Null(Events[i].Event);
            if (Events[i].Data == "[DONE]")
            {
                Assert.Equal(Events.Count - 1, i);
                return (chunks, true);
            }

            chunks.Add(SseTestParsing.Json(Events[i].Data));
        }

        return (chunks, false);
    }

    /// <summary>Anthropic: (event name, JSON) pairs; the name always equals the payload's <c>type</c>.</summary>
    public List<(string Name, JsonElement Data)> AnthropicEvents()
    {
        var events = new List<(string, JsonElement)>();
        foreach (var (name, data) in Events)
        {
            Assert.NotNull(name);
            var json = SseTestParsing.Json(data);
            Assert.Equal(name, json.GetProperty("type").GetString());
            events.Add((name!, json));
        }

        return events;
    }

    /// <summary>The OpenAI content deltas joined.</summary>
    public static string Content(IEnumerable<JsonElement> chunks) => string.Concat(chunks
        .Where(c => c.GetProperty("choices").GetArrayLength() > 0)
        .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
        .Select(d => d.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString() : ""));
}
