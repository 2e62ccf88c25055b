namespace Platform.DataPlane.Providers.Gemini;

/// <summary>Gemini names no tool calls (and older versions no responses); callers need ids to answer with.</summary>
internal static class GeminiIds
{
    public static string NewToolCallId() => "call_" + Guid.NewGuid().ToString("N")[..24];

    public static string NewResponseId() => "gemini-" + Guid.NewGuid().ToString("N")[..24];
}
