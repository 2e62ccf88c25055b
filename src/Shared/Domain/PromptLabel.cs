namespace Platform.Shared.Domain;

/// <summary>A release label (production, staging, ...) pointing at one version of a prompt.</summary>
public sealed class PromptLabel : TenantEntity, IPolicyEntity
{
    public Guid PromptId { get; set; }

    public required string Label { get; set; }

    public int Version { get; set; }
}
