using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Tests.Protocols.Providers;

internal static class AdapterTestData
{
    public const string WeatherSchema =
        """{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city","days"]}""";

    public static ChatRequest Chat(string text = "Tell me about the sea.", bool stream = false) => new()
    {
        Model = "caller-model",
        Messages =
        [
            new ChatMessage { Role = ChatRole.System, Content = [ContentPart.FromText("You are terse.")] },
            new ChatMessage { Role = ChatRole.User, Content = [ContentPart.FromText(text)] },
        ],
        Stream = stream,
    };

    public static ChatRequest ToolCall(bool stream = false) => Chat("What is the weather in Oslo?", stream) with
    {
        Tools = [new ToolDefinition("get_weather", "Weather by city", WeatherSchema)],
        ToolChoice = new ToolChoice(ToolChoiceMode.Auto),
    };

    /// <summary>A whole tool round trip: the model's call and the tool's answer; the model replies in text.</summary>
    public static ChatRequest ToolResult() => ToolCall() with
    {
        Messages =
        [
            new ChatMessage { Role = ChatRole.User, Content = [ContentPart.FromText("What is the weather in Oslo?")] },
            new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall("call_abc", "get_weather", """{"city":"Oslo","days":1}""")] },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "call_abc", Content = [ContentPart.FromText("""{"forecast":"rain"}""")] },
        ],
    };

    public static async Task<List<StreamEvent>> CollectAsync(IAsyncEnumerable<StreamEvent> stream, CancellationToken cancellationToken = default)
    {
        var events = new List<StreamEvent>();
        await foreach (var streamEvent in stream.WithCancellation(cancellationToken))
        {
            events.Add(streamEvent);
        }

        return events;
    }

    public static string Text(IEnumerable<StreamEvent> events) => string.Concat(events.OfType<TextDelta>().Select(delta => delta.Text));
}
