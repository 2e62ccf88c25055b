namespace Platform.DataPlane.Chat;

/// <summary>A complete (non-streamed) answer in wire-neutral form.</summary>
internal sealed record ChatResponse
{
    public required string Id { get; init; }

    /// <summary>The exact upstream model that answered.</summary>
    public required string Model { get; init; }

    public string Text { get; init; } = "";

    public IReadOnlyList<ToolCall> ToolCalls { get; init; } = [];

    public FinishReason FinishReason { get; init; }

    public Usage Usage { get; init; }
}
