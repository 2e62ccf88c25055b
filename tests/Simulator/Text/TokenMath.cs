namespace Platform.Simulator.Text;

/// <summary>
/// Token estimates: about one token per 4 characters, plus the per-message framing OpenAI documents for
/// chat models (roughly 4 tokens per message and 3 to prime the reply).
/// </summary>
internal static class TokenMath
{
    public const int CharsPerToken = 4;
    private const int PerMessage = 4;
    private const int PerRequest = 3;

    public static int Tokens(int chars) => chars <= 0 ? 0 : (chars + CharsPerToken - 1) / CharsPerToken;

    public static int Text(int chars) => Math.Max(1, Tokens(chars));

    public static int Prompt(int chars, int messages, int toolChars) =>
        PerRequest + (messages * PerMessage) + Text(chars) + Tokens(toolChars);
}
