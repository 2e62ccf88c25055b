namespace Platform.Shared.Config;

public sealed record PromptConfig
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<PromptVersionConfig> Versions { get; init; } = [];

    public IReadOnlyList<PromptLabelConfig> Labels { get; init; } = [];

    public ConfigLocation Location { get; init; }
}

/// <summary>An immutable prompt version; the JSON is canonical (compact, in file order) so it compares as text.</summary>
public sealed record PromptVersionConfig
{
    public int Version { get; init; }

    public required string MessagesJson { get; init; }

    public IReadOnlyList<string> Variables { get; init; } = [];

    public string? ParametersJson { get; init; }

    public string? ResponseSchemaJson { get; init; }

    public ConfigLocation Location { get; init; }
}

public sealed record PromptLabelConfig(string Label, int Version)
{
    public ConfigLocation Location { get; init; }
}
