namespace Platform.DataPlane.Configuration;

/// <summary>A model in a tier or route, in priority order, with its weight for the weighted strategy.</summary>
internal sealed record WeightedModel(ModelPolicy Model, int Priority, int Weight);
