namespace Platform.ControlPlane.Spend;

/// <summary>Narrows spend to one feature and/or some API keys (a budget's scope); null means all.</summary>
internal sealed record SpendFilter(string? Feature = null, IReadOnlyCollection<Guid>? ApiKeyIds = null);
