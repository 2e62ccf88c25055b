namespace Platform.DataPlane.Configuration;

/// <summary>What one API key may do. Empty allow-lists mean "everything".</summary>
internal sealed record KeyPolicy
{
    public required Guid Id { get; init; }

    public required Guid TenantId { get; init; }

    public required string Name { get; init; }

    public required string Prefix { get; init; }

    public IReadOnlySet<string> AllowedEndpoints { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> AllowedRoutes { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> AllowedModels { get; init; } = new HashSet<string>();

    public DateTime? ExpiresAt { get; init; }

    public DateTime? RevokedAt { get; init; }

    public int? RequestsPerMinute { get; init; }

    public int? TokensPerMinute { get; init; }
}
