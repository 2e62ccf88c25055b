namespace Platform.Shared.Domain;

/// <summary>
/// A row that belongs to exactly one tenant. The DbContext filters every query on these by the
/// current tenant and refuses to save one for another tenant.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
