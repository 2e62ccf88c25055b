namespace Platform.DataPlane.Chat;

/// <summary>
/// One turn in the wire-neutral conversation every protocol translates to and from.
/// A tool result is a <see cref="ChatRole.Tool"/> message with <see cref="ToolCallId"/>.
/// </summary>
internal sealed record ChatMessage
{
    public required ChatRole Role { get; init; }

    public IReadOnlyList<ContentPart> Content { get; init; } = [];

    public IReadOnlyList<ToolCall> ToolCalls { get; init; } = [];

    public string? ToolCallId { get; init; }

    public string? Name { get; init; }

    /// <summary>All text parts joined; what token estimates and redaction look at.</summary>
    public string Text => Content.Count switch
    {
        0 => "",
        1 => Content[0].Kind == ContentPartKind.Text ? Content[0].Value : "",
        _ => string.Concat(Content.Where(p => p.Kind == ContentPartKind.Text).Select(p => p.Value)),
    };
}
