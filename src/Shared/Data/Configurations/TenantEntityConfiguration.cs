using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Shared.Domain;

namespace Platform.Shared.Data.Configurations;

/// <summary>What every tenant-owned table shares: a tenant index and the concurrency token.</summary>
internal abstract class TenantEntityConfiguration<T> : IEntityTypeConfiguration<T>
    where T : TenantEntity
{
    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
        if (IndexTenantAlone)
        {
            builder.HasIndex(e => e.TenantId);
        }

        ConfigureEntity(builder);
    }

    /// <summary>
    /// False when the entity has another index that leads with the tenant: the lone one would only cost
    /// a B-tree insert per row.
    /// </summary>
    protected virtual bool IndexTenantAlone => true;

    protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);
}
