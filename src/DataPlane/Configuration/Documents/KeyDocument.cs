namespace Platform.DataPlane.Configuration;

/// <summary>An API key row: the hash of the secret, never the secret.</summary>
internal sealed record KeyDocument(
    Guid Id,
    Guid TenantId,
    string Name,
    string Prefix,
    string Hash,
    IReadOnlyList<string> AllowedEndpoints,
    IReadOnlyList<string> AllowedRoutes,
    IReadOnlyList<string> AllowedModels,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    int? RequestsPerMinute,
    int? TokensPerMinute)
{
    /// <summary>Keeps the hash out of anything that prints the record.</summary>
    public override string ToString() => $"{Name} ({Prefix}…)";
}
