namespace Platform.Shared.Domain;

/// <summary>Usage summed per hour and dimension; serves the dashboard and finance exports.</summary>
public sealed class UsageRollup : TenantEntity
{
    public DateTime HourStart { get; set; }

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
