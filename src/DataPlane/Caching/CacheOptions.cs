namespace Platform.DataPlane.Caching;

/// <summary>Section <c>DataPlane:ResponseCache</c>.</summary>
internal sealed record CacheOptions
{
    public const string Section = "DataPlane:ResponseCache";

    /// <summary>
    /// Memory the cached answers of all tenants may take together, in approximate bytes. Past it
    /// the least recently used entries are compacted away and a new entry may be refused.
    /// </summary>
    public long SizeLimitBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How long an answer stays when its route enables the cache without <c>ttlSeconds</c>.</summary>
    public TimeSpan DefaultTtl { get; init; } = TimeSpan.FromSeconds(300);
}
