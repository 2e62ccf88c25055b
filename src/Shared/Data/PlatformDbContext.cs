using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Shared.Domain;

namespace Platform.Shared.Data;

/// <summary>
/// The one database of the platform. Tenant isolation is on by default: every
/// <see cref="ITenantOwned"/> entity gets a query filter on the tenant in scope, and a save that
/// touches another tenant's row throws. <c>IgnoreQueryFilters()</c> is the explicit opt-out.
/// </summary>
public sealed partial class PlatformDbContext(
    DbContextOptions<PlatformDbContext> options,
    ITenantContext tenant,
    TimeProvider? time = null)
    : IdentityDbContext<PlatformUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Read by the query filters; EF turns it into a parameter per query.</summary>
    public Guid? CurrentTenantId => tenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<CatalogModel> Models => Set<CatalogModel>();
    public DbSet<ModelPrice> ModelPrices => Set<ModelPrice>();
    public DbSet<Tier> Tiers => Set<Tier>();
    public DbSet<TierModel> TierModels => Set<TierModel>();
    public DbSet<TaskRoute> Routes => Set<TaskRoute>();
    public DbSet<RouteCandidate> RouteCandidates => Set<RouteCandidate>();
    public DbSet<FallbackPolicy> FallbackPolicies => Set<FallbackPolicy>();
    public DbSet<Prompt> Prompts => Set<Prompt>();
    public DbSet<PromptVersion> PromptVersions => Set<PromptVersion>();
    public DbSet<PromptLabel> PromptLabels => Set<PromptLabel>();
    public DbSet<Budget> Budgets => Set<Budget>();
    public DbSet<UsageEvent> UsageEvents => Set<UsageEvent>();
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();
    public DbSet<UsageAttempt> UsageAttempts => Set<UsageAttempt>();
    public DbSet<UsageRollup> UsageRollups => Set<UsageRollup>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<BillingRecord> BillingRecords => Set<BillingRecord>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<FinanceReportDelivery> FinanceReportDeliveries => Set<FinanceReportDelivery>();
    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Framework-owned entity types that are global by nature (Identity, Data Protection keys, OpenIddict).
    /// Listed here, explicitly, because they cannot implement <see cref="IGlobalEntity"/>.
    /// </summary>
    public static readonly IReadOnlySet<Type> FrameworkGlobalTypes = new HashSet<Type>
    {
        typeof(IdentityRole<Guid>),
        typeof(IdentityUserClaim<Guid>),
        typeof(IdentityUserRole<Guid>),
        typeof(IdentityUserLogin<Guid>),
        typeof(IdentityRoleClaim<Guid>),
        typeof(IdentityUserToken<Guid>),
        typeof(IdentityUserPasskey<Guid>),
        typeof(DataProtectionKey),
        typeof(OpenIddictEntityFrameworkCoreApplication<Guid>),
        typeof(OpenIddictEntityFrameworkCoreAuthorization<Guid>),
        typeof(OpenIddictEntityFrameworkCoreScope<Guid>),
        typeof(OpenIddictEntityFrameworkCoreToken<Guid>),
    };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        ApplyTenantFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var policyTenants = StampAndGuard();
        if (policyTenants.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The version bump and the change land together, or neither does.
        if (Database.CurrentTransaction is not null)
        {
            return await SaveAndBumpAsync(policyTenants, acceptAllChangesOnSuccess, cancellationToken);
        }

        // SQL Server's retrying strategy refuses a transaction begun outside it: run it inside the
        // strategy, so a transient failure retries the whole unit (a nested strategy just runs it).
        return await Database.CreateExecutionStrategy().ExecuteAsync(
            (Context: this, Tenants: policyTenants, Accept: acceptAllChangesOnSuccess),
            static async (_, state, ct) =>
            {
                await using var transaction = await state.Context.Database.BeginTransactionAsync(ct);
                var written = await state.Context.SaveAndBumpAsync(state.Tenants, state.Accept, ct);
                await transaction.CommitAsync(ct);
                return written;
            },
            verifySucceeded: null,
            cancellationToken);
    }

    private async Task<int> SaveAndBumpAsync(HashSet<Guid> policyTenants, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var tenantId in policyTenants)
        {
            await Tenants.IgnoreQueryFilters()
                .Where(t => t.Id == tenantId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConfigVersion, t => t.ConfigVersion + 1), cancellationToken);
        }

        return written;
    }

    private HashSet<Guid> StampAndGuard()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var policyTenants = new HashSet<Guid>();
        BumpChangedTenants();
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            GuardTenant(entry.Entity, entry.State);
            if (entry.Entity is TenantEntity stamped)
            {
                Stamp(stamped, entry.State, now);
            }

            if (entry.Entity is IPolicyEntity)
            {
                policyTenants.Add(entry.Entity.TenantId);
            }
        }

        return policyTenants;
    }

    /// <summary>A tenant row's own settings (its limits) are policy too: a change moves its version.</summary>
    private void BumpChangedTenants()
    {
        foreach (var entry in ChangeTracker.Entries<Tenant>())
        {
            if (entry.State == EntityState.Modified
                && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(Tenant.ConfigVersion)))
            {
                entry.Entity.ConfigVersion++;
            }
        }
    }

    private void GuardTenant(ITenantOwned entity, EntityState state)
    {
        var current = tenant.TenantId ?? throw new TenantIsolationException(
            $"Cannot save {entity.GetType().Name}: no tenant is in scope.");
        if (state == EntityState.Added && entity.TenantId == Guid.Empty)
        {
            entity.TenantId = current;
        }

        if (entity.TenantId != current)
        {
            throw new TenantIsolationException(
                $"Cannot save {entity.GetType().Name} of another tenant than the one in scope.");
        }
    }

    private static void Stamp(TenantEntity entity, EntityState state, DateTime now)
    {
        if (state == EntityState.Added && entity.CreatedAt == default)
        {
            entity.CreatedAt = now;
        }

        if (state is EntityState.Added or EntityState.Modified)
        {
            entity.UpdatedAt = now;
        }

        if (state == EntityState.Modified)
        {
            entity.ConcurrencyStamp = Ids.NewRandom();
        }
    }
}
