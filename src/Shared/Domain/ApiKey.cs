namespace Platform.Shared.Domain;

/// <summary>
/// A tenant key for the data plane. Only the prefix (shown in lists) and a SHA-256 hash of the
/// whole secret are stored; the secret is shown once at creation.
/// </summary>
public sealed class ApiKey : TenantEntity, IPolicyEntity
{
    public required string Name { get; set; }

    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the full key.</summary>
    public required string Hash { get; set; }

    /// <summary>Endpoints this key may call (e.g. <c>chat</c>, <c>embeddings</c>); empty means all.</summary>
    public List<string> AllowedEndpoints { get; set; } = [];

    /// <summary>Task routes this key may use; empty means all.</summary>
    public List<string> AllowedRoutes { get; set; } = [];

    /// <summary>Concrete models this key may call; empty means all.</summary>
    public List<string> AllowedModels { get; set; } = [];

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public int? RequestsPerMinute { get; set; }

    public int? TokensPerMinute { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
