using Platform.Shared.Domain;

namespace Platform.Shared.Config;

public sealed record ModelConfig
{
    /// <summary><c>provider/model</c>, unique per tenant.</summary>
    public required string Name { get; init; }

    public required string Provider { get; init; }

    public required string UpstreamId { get; init; }

    public int ContextWindow { get; init; }

    /// <summary>0 when it does not apply (embeddings).</summary>
    public int MaxOutputTokens { get; init; }

    public ModelCapabilities Capabilities { get; init; }

    public ModelPricesConfig Prices { get; init; } = new(0, 0, 0);

    public string? Region { get; init; }

    public bool ApprovedForCustomerFacing { get; init; }

    public bool Enabled { get; init; } = true;

    public ConfigLocation Location { get; init; }
}

/// <summary>USD per one million tokens.</summary>
public sealed record ModelPricesConfig(decimal Input, decimal Output, decimal CachedInput);
