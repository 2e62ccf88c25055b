namespace Platform.Shared.Domain;

/// <summary>A prompt in the registry; its content lives in immutable <see cref="PromptVersion"/>s.</summary>
public sealed class Prompt : TenantEntity, IPolicyEntity
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<PromptVersion> Versions { get; set; } = [];

    public List<PromptLabel> Labels { get; set; } = [];
}
