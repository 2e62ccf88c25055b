namespace Platform.Shared.Config;

/// <summary>A parsed config file: the whole configuration of the tenants it lists.</summary>
public sealed record ConfigDocument
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public IReadOnlyList<TenantConfig> Tenants { get; init; } = [];
}
