namespace Platform.Shared.Domain;

/// <summary>
/// Price history of a catalog model, so a call is priced at the prices in force when it ran.
/// A new row is written whenever the catalog prices change.
/// </summary>
public sealed class ModelPrice : TenantEntity, IPolicyEntity
{
    public Guid ModelId { get; set; }

    public DateTime EffectiveFrom { get; set; }

    public decimal InputPricePerMillion { get; set; }

    public decimal OutputPricePerMillion { get; set; }

    public decimal CachedInputPricePerMillion { get; set; }
}
