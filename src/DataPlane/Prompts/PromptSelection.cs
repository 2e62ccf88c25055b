namespace Platform.DataPlane.Prompts;

/// <summary>A prompt asked for by name and either a release label or a pinned version (exactly one is set).</summary>
internal sealed record PromptSelection(string Name, string? Label, int? Version);
