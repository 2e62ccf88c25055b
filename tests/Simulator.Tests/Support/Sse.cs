namespace Platform.Simulator.Tests.Support;

/// <summary>A plain SSE parser: events split on blank lines, <c>event:</c> and <c>data:</c> fields, LF or CRLF.</summary>
public static class Sse
{
    public static IReadOnlyList<SseEvent> Parse(string body)
    {
        var events = new List<SseEvent>();
        foreach (var block in body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            var data = new List<string>();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line["data:".Length..].TrimStart());
                }
            }

            if (data.Count > 0)
            {
                events.Add(new SseEvent(name, string.Join("\n", data)));
            }
        }

        return events;
    }
}
