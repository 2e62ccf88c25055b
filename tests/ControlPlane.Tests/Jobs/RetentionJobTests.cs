using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Jobs.Retention;
using Platform.ControlPlane.Jobs.Rollups;
using Platform.ControlPlane.Spend;
using Platform.Shared.Domain;
using static Platform.ControlPlane.Tests.Jobs.RollupsTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>The retention job deletes raw events past the tenant's retention once they are rolled up; roll-ups and spend totals stay.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class RetentionJobTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Run_DeletesOnlyOldRolledUpEvents_InBatches_KeepsRollupsAndSpendTotals()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        var oldStart = HoursAgo(24 * 120);
        var old = Enumerable.Range(0, UsageRetentionJob.BatchSize + 3).Select(i => Call(tenantId, oldStart.AddMinutes(i), 2_000L + i)).ToList();
        old[0].Attempts.Add(new UsageAttempt { TenantId = tenantId, UsageEventId = old[0].Id, Index = 0, Provider = "openai", Model = "gpt-x", Status = 200 });
        var recent = Enumerable.Range(0, 4).Select(i => Call(tenantId, HoursAgo(5).AddMinutes(i), 50_000L + i)).ToList();
        await InsertAsync(fixture, tenantId, old.Concat(recent));
        await RunAsync<UsageRollupJob>(fixture);
        // Old but not rolled up yet (a late spool replay the roll-up has not reached): must stay.
        var oldUnrolled = Call(tenantId, oldStart.AddHours(2), 999_999);
        await InsertAsync(fixture, tenantId, [oldUnrolled]);
        var (from, to) = (oldStart, HoursAgo(-1));
        var rollupsBefore = await RollupsAsync(fixture, tenantId);
        var totalBefore = await TotalAsync(tenantId, from, to);

        await RunAsync<UsageRetentionJob>(fixture);

        await using var db = fixture.Db(tenantId);
        var left = await db.UsageEvents.AsNoTracking().Select(e => e.Id).ToListAsync();
        Assert.Equal(recent.Select(e => e.Id).Append(oldUnrolled.Id).Order(), left.Order());
        Assert.False(await db.UsageAttempts.AnyAsync(a => a.UsageEventId == old[0].Id));
        var rollupsAfter = await RollupsAsync(fixture, tenantId);
        Assert.Equal(Actual(rollupsBefore, RollupGranularity.Hour), Actual(rollupsAfter, RollupGranularity.Hour));
        Assert.Equal(Actual(rollupsBefore, RollupGranularity.Day), Actual(rollupsAfter, RollupGranularity.Day));
        Assert.Equal(old.Concat(recent).Append(oldUnrolled).Sum(e => e.CostNanoUsd), totalBefore.CostNanoUsd);
        Assert.Equal(totalBefore, await TotalAsync(tenantId, from, to));
    }

    [Fact]
    public async Task Run_FollowsTheTenantsRetentionDays()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        await using (var global = fixture.Db(null))
        {
            await global.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(s => s.SetProperty(t => t.RetentionDays, 10));
        }

        var expired = Call(tenantId, HoursAgo(24 * 11), 1_000);
        var kept = Call(tenantId, HoursAgo(24 * 9), 2_000);
        await InsertAsync(fixture, tenantId, [expired, kept]);
        await RunAsync<UsageRollupJob>(fixture);

        await RunAsync<UsageRetentionJob>(fixture);

        await using var db = fixture.Db(tenantId);
        Assert.Equal([kept.Id], await db.UsageEvents.Select(e => e.Id).ToListAsync());
        Assert.Equal(2, (await RollupsAsync(fixture, tenantId)).Count(r => r.Granularity == RollupGranularity.Hour));
    }

    private async Task<SpendLine> TotalAsync(Guid tenantId, DateTime from, DateTime to)
    {
        await using var db = fixture.Db(tenantId);
        return await SpendReader.TotalAsync(db, from, to, null, CancellationToken.None);
    }
}
