namespace Platform.DataPlane.Configuration;

/// <summary>A model listed by a tier or a route.</summary>
internal sealed record CandidateDocument(Guid ModelId, int Priority, int Weight);
