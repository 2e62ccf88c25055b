namespace Platform.DataPlane.Chat;

/// <summary>
/// A chat call in wire-neutral form. Inbound protocols (OpenAI, Anthropic) parse into it;
/// upstream adapters (OpenAI-compatible, Anthropic, Gemini) write from it.
/// </summary>
internal sealed record ChatRequest
{
    /// <summary>What the caller asked for: a concrete model, <c>route:x</c> or <c>tier:x</c>.</summary>
    public required string Model { get; init; }

    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    public IReadOnlyList<ToolDefinition> Tools { get; init; } = [];

    public ToolChoice? ToolChoice { get; init; }

    public ResponseFormat? ResponseFormat { get; init; }

    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public IReadOnlyList<string> Stop { get; init; } = [];

    public bool Stream { get; init; }

    /// <summary>OpenAI callers ask for a usage chunk at the end of a stream.</summary>
    public bool IncludeUsage { get; init; }

    /// <summary>Caller metadata (feature, customer, prompt variables) from the body's <c>metadata</c>.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();
}
