namespace Platform.Shared.Config;

public sealed record TierConfig
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>In priority order, the first first.</summary>
    public IReadOnlyList<WeightedModel> Models { get; init; } = [];

    public ConfigLocation Location { get; init; }
}

/// <summary>A model in a tier or a route's candidates; written as a bare name when the weight is 1.</summary>
public sealed record WeightedModel(string Model, int Weight = 1);
