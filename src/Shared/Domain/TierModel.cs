namespace Platform.Shared.Domain;

public sealed class TierModel : TenantEntity, IPolicyEntity
{
    public Guid TierId { get; set; }

    public Guid ModelId { get; set; }

    public CatalogModel? Model { get; set; }

    /// <summary>Lower goes first for the priority strategy.</summary>
    public int Priority { get; set; }

    /// <summary>Relative share for the weighted strategy.</summary>
    public int Weight { get; set; } = 1;
}
