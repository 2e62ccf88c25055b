namespace Platform.Shared.Domain;

/// <summary>A named quality level (e.g. A premium, B general, C cheap) listing its models in order.</summary>
public sealed class Tier : TenantEntity, IPolicyEntity
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<TierModel> Models { get; set; } = [];
}
