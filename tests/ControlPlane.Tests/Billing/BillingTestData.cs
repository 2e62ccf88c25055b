using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ControlPlane.Jobs.Billing;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests.Billing;

/// <summary>Tenants with usage in a closed month, and the billing job run the way Hangfire runs it.</summary>
internal static class BillingTestData
{
    /// <summary>The first day of the month before this one (UTC): the one closed month the test tenants have.</summary>
    public static DateTime LastMonth
    {
        get
        {
            var now = DateTime.UtcNow;
            return new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        }
    }

    /// <summary>A fresh tenant created on the second day of last month, so last month is its only closed month.</summary>
    public static async Task<(string Slug, Guid Id)> TenantAsync(ControlPlaneFixture fixture)
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var id = await fixture.TenantIdAsync(slug);
        await using var db = fixture.Db(null);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == id);
        tenant.CreatedAt = LastMonth.AddDays(1);
        await db.SaveChangesAsync();
        return (slug, id);
    }

    /// <summary>One successful call per cost, at <paramref name="at"/>, not rolled up yet.</summary>
    public static async Task AddUsageAsync(ControlPlaneFixture fixture, Guid tenantId, DateTime at, params long[] costsNanoUsd)
    {
        await using var db = fixture.Db(tenantId);
        foreach (var cost in costsNanoUsd)
        {
            db.UsageEvents.Add(new UsageEvent
            {
                Endpoint = "/v1/chat/completions",
                StartedAt = at,
                Status = 200,
                Provider = "sim",
                Model = "sim/gpt",
                InputTokens = 100,
                OutputTokens = 20,
                CostNanoUsd = cost,
            });
        }

        await db.SaveChangesAsync();
    }

    public static async Task RunJobAsync(ControlPlaneFixture fixture)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StripeBillingJob>().RunAsync(CancellationToken.None);
    }

    public static async Task<BillingRecord> RecordAsync(ControlPlaneFixture fixture, Guid tenantId)
    {
        await using var db = fixture.Db(tenantId);
        return await db.BillingRecords.AsNoTracking().SingleAsync();
    }

    public static async Task<Tenant> TenantRowAsync(ControlPlaneFixture fixture, Guid tenantId)
    {
        await using var db = fixture.Db(null);
        return await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId);
    }

    /// <summary>The idempotency keys of one tenant-month start with this.</summary>
    public static string KeyPrefix(Guid tenantId) => $"bill-{tenantId:N}-";
}
