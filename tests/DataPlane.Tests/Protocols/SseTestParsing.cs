using System.Text;
using System.Text.Json;

namespace Platform.DataPlane.Tests.Protocols;

/// <summary>Splits written SSE text into (event, data) pairs, independently of the production reader.</summary>
internal static class SseTestParsing
{
    public static List<(string? Event, string Data)> Split(string text)
    {
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        var events = new List<(string?, string)>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            var data = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line[6..]);
                }
                else
                {
                    Assert.Fail($"Unexpected SSE line '{line}'.");
                }
            }

            events.Add((name, data.ToString()));
        }

        return events;
    }

    public static JsonElement Json(string data)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.Clone();
    }
}
