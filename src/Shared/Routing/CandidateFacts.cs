using Platform.Shared.Domain;

namespace Platform.Shared.Routing;

/// <summary>What the routing rules need to know about one candidate model, wherever it comes from (the data plane's snapshot or the catalog).</summary>
public readonly record struct CandidateFacts
{
    public required string Name { get; init; }

    /// <summary>The model and its provider are both enabled.</summary>
    public bool Enabled { get; init; }

    /// <summary>The model's region, else its provider's.</summary>
    public string? Region { get; init; }

    public bool ProviderIsPrivate { get; init; }

    public bool ApprovedForCustomerFacing { get; init; }

    public ModelCapabilities Capabilities { get; init; }

    /// <summary>0 when the catalog does not know it.</summary>
    public int ContextWindow { get; init; }

    /// <summary>0 when the catalog does not know it.</summary>
    public int MaxOutputTokens { get; init; }
}
