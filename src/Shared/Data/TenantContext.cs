namespace Platform.Shared.Data;

/// <summary>Scoped holder of the current tenant; set once by authentication or by a job.</summary>
public sealed class TenantContext : ITenantContext
{
    public TenantContext()
    {
    }

    public TenantContext(Guid tenantId) => TenantId = tenantId;

    public Guid? TenantId { get; private set; }

    public void Set(Guid tenantId)
    {
        if (TenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("The tenant of a unit of work cannot change once set.");
        }

        TenantId = tenantId;
    }
}
