namespace Platform.Shared.Domain;

/// <summary>A model a provider serves, as the tenant's catalog describes it.</summary>
public sealed class CatalogModel : TenantEntity, IPolicyEntity
{
    /// <summary>Concrete name callers use: <c>provider/model</c>, unique per tenant.</summary>
    public required string Name { get; set; }

    public Guid ProviderId { get; set; }

    public Provider? Provider { get; set; }

    /// <summary>The id the provider knows the model by.</summary>
    public required string UpstreamId { get; set; }

    public int ContextWindow { get; set; }

    public int MaxOutputTokens { get; set; }

    public ModelCapabilities Capabilities { get; set; }

    /// <summary>USD per one million input tokens.</summary>
    public decimal InputPricePerMillion { get; set; }

    /// <summary>USD per one million output tokens.</summary>
    public decimal OutputPricePerMillion { get; set; }

    /// <summary>USD per one million cached input tokens.</summary>
    public decimal CachedInputPricePerMillion { get; set; }

    public string? Region { get; set; }

    public bool ApprovedForCustomerFacing { get; set; }

    public bool Enabled { get; set; } = true;
}
