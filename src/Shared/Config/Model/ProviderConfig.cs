using Platform.Shared.Domain;

namespace Platform.Shared.Config;

public sealed record ProviderConfig
{
    public required string Name { get; init; }

    public ProviderKind Kind { get; init; }

    public required string BaseUrl { get; init; }

    /// <summary>Write-only: stored encrypted, never exported. Null keeps the stored credential.</summary>
    public string? Credential { get; init; }

    public string? Region { get; init; }

    public bool Private { get; init; }

    public bool Enabled { get; init; } = true;

    public ConfigLocation Location { get; init; }
}
