namespace Platform.DataPlane.Chat;

internal enum ToolChoiceMode
{
    Auto,
    None,
    Required,
    Function,
}

/// <summary>Whether and which tool the model must call; <see cref="FunctionName"/> for <see cref="ToolChoiceMode.Function"/>.</summary>
internal sealed record ToolChoice(ToolChoiceMode Mode, string? FunctionName = null);
