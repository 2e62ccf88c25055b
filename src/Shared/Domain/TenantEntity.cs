namespace Platform.Shared.Domain;

/// <summary>Common columns of tenant-owned rows.</summary>
public abstract class TenantEntity : ITenantOwned
{
    public Guid Id { get; set; } = Ids.NewVersion7();

    public Guid TenantId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save (an ETag for the API).</summary>
    public Guid ConcurrencyStamp { get; set; } = Ids.NewRandom();
}
