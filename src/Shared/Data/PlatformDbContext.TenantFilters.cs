using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.Shared.Data;

public sealed partial class PlatformDbContext
{
    /// <summary>Builds <c>e =&gt; e.TenantId == this.CurrentTenantId</c> for every tenant-owned entity.</summary>
    private void ApplyTenantFilters(ModelBuilder builder)
    {
        var self = Expression.Constant(this);
        var current = Expression.Property(self, nameof(CurrentTenantId));
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                continue;
            }

            var row = Expression.Parameter(entityType.ClrType, "e");
            var rowTenant = Expression.Convert(Expression.Property(row, nameof(ITenantOwned.TenantId)), typeof(Guid?));
            var filter = Expression.Lambda(Expression.Equal(rowTenant, current), row);
            builder.Entity(entityType.ClrType).HasQueryFilter(filter);
        }
    }
}
