namespace Platform.DataPlane.Configuration;

internal sealed record TierPolicy(string Name, IReadOnlyList<WeightedModel> Models);
