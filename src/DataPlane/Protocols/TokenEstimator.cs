using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Protocols;

/// <summary>
/// Token estimates for routing (context fit) and for costing calls whose upstream reported no usage: about one
/// token per 4 characters, plus the per-message framing OpenAI documents for chat models (about 4 tokens per
/// message and 3 to prime the reply), the same arithmetic the simulator uses. Images count a flat 85 tokens
/// (OpenAI's low-detail price), since their size is unknown here.
/// </summary>
internal static class TokenEstimator
{
    public const int CharsPerToken = 4;
    private const int PerMessage = 4;
    private const int PerRequest = 3;
    private const int PerImage = 85;

    /// <summary>Tokens of a piece of text: ceil(chars / 4).</summary>
    public static int Estimate(string? text) => Tokens(text?.Length ?? 0);

    /// <summary>Tokens of a text known only by its length (a relayed stream's output).</summary>
    public static int EstimateChars(int chars) => Tokens(chars);

    /// <summary>Prompt tokens of a whole request: messages, tool calls and results, and tool definitions.</summary>
    public static int Estimate(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chars = 0;
        var images = 0;
        var messages = request.Messages;
        for (var index = 0; index < messages.Count; index++)
        {
            var message = messages[index];
            var parts = message.Content;
            for (var part = 0; part < parts.Count; part++)
            {
                if (parts[part].Kind == ContentPartKind.Text)
                {
                    chars += parts[part].Value.Length;
                }
                else
                {
                    images++;
                }
            }

            var calls = message.ToolCalls;
            for (var call = 0; call < calls.Count; call++)
            {
                chars += calls[call].Name.Length + calls[call].ArgumentsJson.Length;
            }
        }

        var toolChars = 0;
        var tools = request.Tools;
        for (var index = 0; index < tools.Count; index++)
        {
            toolChars += tools[index].Name.Length + (tools[index].Description?.Length ?? 0) + tools[index].ParametersJson.Length;
        }

        return PerRequest + (messages.Count * PerMessage) + Math.Max(1, Tokens(chars)) + Tokens(toolChars) + (images * PerImage);
    }

    private static int Tokens(int chars) => chars <= 0 ? 0 : (chars + CharsPerToken - 1) / CharsPerToken;
}
