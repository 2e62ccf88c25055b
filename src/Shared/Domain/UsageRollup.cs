namespace Platform.Shared.Domain;

public enum RollupGranularity
{
    Hour = 0,
    Day = 1,
}

/// <summary>
/// Usage summed per hour (and per UTC day) and dimension; serves the dashboard and finance
/// exports, and outlives the raw events (retention). Absent dimensions are empty strings, so the
/// unique key works on every provider.
/// </summary>
public sealed class UsageRollup : TenantEntity
{
    public RollupGranularity Granularity { get; set; }

    /// <summary>The start of the hour or of the UTC day.</summary>
    public DateTime BucketStart { get; set; }

    public string Feature { get; set; } = "";

    public string Route { get; set; } = "";

    public string Provider { get; set; } = "";

    public string Model { get; set; } = "";

    public string Customer { get; set; } = "";

    public Guid? ApiKeyId { get; set; }

    public int Requests { get; set; }

    public int Errors { get; set; }

    public int Fallbacks { get; set; }

    public int CacheHits { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long CachedTokens { get; set; }

    public long CostNanoUsd { get; set; }

    public long LatencyMsSum { get; set; }
}
