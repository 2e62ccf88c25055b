namespace Platform.Shared.Config;

/// <summary>Ensured, never deleted by an apply. <see cref="Key"/> in plain text is for development only.</summary>
public sealed record ApiKeyConfig
{
    public required string Name { get; init; }

    public string? Key { get; init; }

    public IReadOnlyList<string> Endpoints { get; init; } = [];

    public IReadOnlyList<string> Routes { get; init; } = [];

    public IReadOnlyList<string> Models { get; init; } = [];

    public int? RequestsPerMinute { get; init; }

    public int? TokensPerMinute { get; init; }

    public DateTime? ExpiresAt { get; init; }

    public ConfigLocation Location { get; init; }
}
