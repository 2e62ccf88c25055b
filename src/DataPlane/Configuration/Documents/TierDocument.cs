namespace Platform.DataPlane.Configuration;

internal sealed record TierDocument(Guid Id, string Name, IReadOnlyList<CandidateDocument> Models);
