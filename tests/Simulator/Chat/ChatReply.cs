namespace Platform.Simulator.Chat;

/// <summary>The simulated answer, before a dialect puts it on the wire.</summary>
internal sealed class ChatReply
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    /// <summary>Reply text; empty for a tool call or a refusal.</summary>
    public string Text { get; init; } = "";

    public ToolCall? ToolCall { get; init; }

    public FinishReason Finish { get; init; }

    public int PromptTokens { get; init; }

    public int CompletionTokens { get; init; }

    public int CachedTokens { get; init; }

    public int TotalTokens => PromptTokens + CompletionTokens;
}
