using Microsoft.EntityFrameworkCore;

namespace Platform.Shared.Data;

/// <summary>
/// Creates contexts scoped to a tenant chosen by code that runs outside a request: jobs, the
/// migrator, config-as-code, the data plane's snapshot loader. Each job carries only the tenant id.
/// </summary>
public sealed class PlatformDbContextFactory(DbContextOptions<PlatformDbContext> options, TimeProvider time)
{
    public PlatformDbContext Create(Guid? tenantId) =>
        new(options, tenantId is { } id ? new TenantContext(id) : new TenantContext(), time);
}
