using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

/// <summary>A catalog model with its provider resolved; the unit routing chooses between (a "deployment").</summary>
internal sealed record ModelPolicy
{
    public required Guid Id { get; init; }

    /// <summary>Concrete name, <c>provider/model</c>.</summary>
    public required string Name { get; init; }

    public required ProviderPolicy Provider { get; init; }

    public required string UpstreamId { get; init; }

    public int ContextWindow { get; init; }

    public int MaxOutputTokens { get; init; }

    public ModelCapabilities Capabilities { get; init; }

    public decimal InputPricePerMillion { get; init; }

    public decimal OutputPricePerMillion { get; init; }

    public decimal CachedInputPricePerMillion { get; init; }

    public string? Region { get; init; }

    public bool ApprovedForCustomerFacing { get; init; }

    public bool Enabled { get; init; } = true;

    public bool Has(ModelCapabilities capability) => (Capabilities & capability) == capability;
}
