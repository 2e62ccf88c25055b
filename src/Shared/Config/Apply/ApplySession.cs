using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Security;

namespace Platform.Shared.Config;

/// <summary>
/// One attempt at applying a document: plan every tenant against the database, and write only
/// when nothing is wrong, in one transaction over one connection shared by the global context
/// (tenants, users) and the per-tenant contexts.
/// </summary>
internal sealed class ApplySession(PlatformDbContextFactory factory, ICredentialProtector protector, TimeProvider time)
{
    public async Task<ConfigApplyResult> RunAsync(ConfigDocument document, ConfigApplyOptions options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var log = new ChangeLog();
        var plans = new List<TenantPlan>();
        await using var global = factory.Create(null);
        await global.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var config in document.Tenants)
            {
                var tenant = await EnsureTenantAsync(global, config, log, now, cancellationToken);
                var db = factory.Create(tenant.Id);
                db.Database.SetDbConnection(global.Database.GetDbConnection(), contextOwnsConnection: false);
                var plan = new TenantPlan(tenant, config, db, global, log, options, protector, now);
                plans.Add(plan);
                await plan.BuildAsync(cancellationToken);
            }

            var generated = plans.SelectMany(p => p.GeneratedKeys).ToList();
            if (log.Errors.Count > 0)
            {
                return new ConfigApplyResult { Errors = log.Errors };
            }

            if (options.DryRun || log.Changes.Count == 0)
            {
                return new ConfigApplyResult { Changes = log.Changes };
            }

            await SaveAsync(global, plans, cancellationToken);
            return new ConfigApplyResult { Changes = log.Changes, GeneratedKeys = generated, Applied = true };
        }
        finally
        {
            foreach (var plan in plans)
            {
                await plan.Db.DisposeAsync();
            }
        }
    }

    private static async Task<Tenant> EnsureTenantAsync(
        PlatformDbContext global, TenantConfig config, ChangeLog log, DateTime now, CancellationToken cancellationToken)
    {
        var tenant = await global.Tenants.SingleOrDefaultAsync(t => t.Slug == config.Slug, cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant
            {
                Slug = config.Slug,
                Name = config.Name,
                CreatedAt = now,
                RequestsPerMinute = config.RequestsPerMinute,
                TokensPerMinute = config.TokensPerMinute,
            };
            global.Tenants.Add(tenant);
            log.Created("tenant", config.Slug);
            return tenant;
        }

        var changes = new FieldChanges();
        changes.Set("name", tenant.Name, config.Name, v => tenant.Name = v);
        changes.Set("requestsPerMinute", tenant.RequestsPerMinute, config.RequestsPerMinute, v => tenant.RequestsPerMinute = v);
        changes.Set("tokensPerMinute", tenant.TokensPerMinute, config.TokensPerMinute, v => tenant.TokensPerMinute = v);
        log.Updated("tenant", config.Slug, changes);
        return tenant;
    }

    /// <summary>Global rows first: the tenant contexts bump a tenant row and point at new users.</summary>
    /// <remarks>Inside the execution strategy: SQL Server's retrying strategy refuses a transaction begun outside it.</remarks>
    private static Task SaveAsync(PlatformDbContext global, List<TenantPlan> plans, CancellationToken cancellationToken) =>
        global.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await global.Database.BeginTransactionAsync(cancellationToken);
            await global.SaveChangesAsync(cancellationToken);
            foreach (var plan in plans)
            {
                await plan.Db.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
                await plan.Db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
}
