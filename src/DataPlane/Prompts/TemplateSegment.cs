namespace Platform.DataPlane.Prompts;

/// <summary>Literal text, or (when <paramref name="IsVariable"/>) a variable's name.</summary>
internal readonly record struct TemplateSegment(string Text, bool IsVariable);
