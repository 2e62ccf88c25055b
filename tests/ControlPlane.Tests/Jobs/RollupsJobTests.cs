using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Jobs.Rollups;
using Platform.ControlPlane.Spend;
using Platform.Shared.Domain;
using static Platform.ControlPlane.Tests.Jobs.RollupsTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>
/// The roll-up job on the real SQLite file: hour and day aggregates equal the raw events they
/// came from, across buckets and dimensions, with late events, duplicate deliveries, re-runs and
/// concurrent runs, each event counted once.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class RollupsJobTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Run_EventsAcrossHoursDaysAndDimensions_RollupsEqualTheRawSums()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        var key = Guid.NewGuid();
        var start = HoursAgo(50);
        var events = new List<UsageEvent>();
        for (var i = 0; i < 60; i++)
        {
            events.Add(Call(
                tenantId, start.AddMinutes(i * 53), 1_000_003L * (i + 1),
                feature: i % 4 == 0 ? null : $"f{i % 3}",
                model: i % 5 == 0 ? "claude-y" : "gpt-x",
                provider: i % 5 == 0 ? "anthropic" : "openai",
                route: i % 6 == 0 ? null : "default",
                customer: i % 7 == 0 ? "cust-1" : null,
                apiKeyId: i % 2 == 0 ? key : null,
                status: i % 9 == 0 ? 500 : i % 11 == 0 ? 429 : 200,
                fallbacks: i % 8 == 0 ? 1 : 0,
                cacheHit: i % 10 == 0));
        }

        await InsertAsync(fixture, tenantId, events);

        await RunAsync<UsageRollupJob>(fixture);

        var rollups = await RollupsAsync(fixture, tenantId);
        Assert.Equal(Expected(events, RollupGranularity.Hour), Actual(rollups, RollupGranularity.Hour));
        Assert.Equal(Expected(events, RollupGranularity.Day), Actual(rollups, RollupGranularity.Day));
        Assert.True(Actual(rollups, RollupGranularity.Day).Count >= 3, "the events span at least three UTC days");
        await using var db = fixture.Db(tenantId);
        Assert.False(await db.UsageEvents.AnyAsync(e => !e.RolledUp));
    }

    [Fact]
    public async Task Run_LateEventsAfterAFirstRun_CountedOnce_RerunWithNothingNewChangesNothing()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        var first = Enumerable.Range(0, 10).Select(i => Call(tenantId, HoursAgo(3).AddMinutes(i * 13), 10_000_000L + i)).ToList();
        await InsertAsync(fixture, tenantId, first);
        await RunAsync<UsageRollupJob>(fixture);

        // Replayed from a data plane's spool after the first run: some in buckets already rolled up, one days older.
        var late = new List<UsageEvent>
        {
            Call(tenantId, HoursAgo(3).AddMinutes(7), 777_777),
            Call(tenantId, HoursAgo(2).AddMinutes(59), 123, status: 503),
            Call(tenantId, HoursAgo(100), 55_555, feature: "old"),
        };
        await InsertAsync(fixture, tenantId, late);
        await RunAsync<UsageRollupJob>(fixture);
        var afterLate = await RollupsAsync(fixture, tenantId);
        await RunAsync<UsageRollupJob>(fixture);
        var afterRerun = await RollupsAsync(fixture, tenantId);

        var all = first.Concat(late).ToList();
        Assert.Equal(Expected(all, RollupGranularity.Hour), Actual(afterLate, RollupGranularity.Hour));
        Assert.Equal(Expected(all, RollupGranularity.Day), Actual(afterLate, RollupGranularity.Day));
        Assert.Equal(
            afterLate.OrderBy(r => r.Id).Select(r => (r.Id, r.ConcurrencyStamp, r.Requests, r.CostNanoUsd)),
            afterRerun.OrderBy(r => r.Id).Select(r => (r.Id, r.ConcurrencyStamp, r.Requests, r.CostNanoUsd)));
    }

    [Fact]
    public async Task Run_DuplicateDeliveryOfAnEvent_RejectedByItsKey_RollupNotDoubled()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        var original = Call(tenantId, HoursAgo(1), 4_200_000);
        await InsertAsync(fixture, tenantId, [original]);
        await RunAsync<UsageRollupJob>(fixture);

        var duplicate = Call(tenantId, original.StartedAt, original.CostNanoUsd);
        duplicate.Id = original.Id;
        await Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(fixture, tenantId, [duplicate]));
        await RunAsync<UsageRollupJob>(fixture);

        var rollups = await RollupsAsync(fixture, tenantId);
        Assert.Equal(Expected([original], RollupGranularity.Hour), Actual(rollups, RollupGranularity.Hour));
        Assert.Equal(Expected([original], RollupGranularity.Day), Actual(rollups, RollupGranularity.Day));
    }

    [Fact]
    public async Task Run_ThreeRunsAtOnce_EachEventCountedOnce()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        var events = Enumerable.Range(0, 300).Select(i => Call(tenantId, HoursAgo(30).AddMinutes(i * 7), 3_000_017L * (i + 1), feature: $"f{i % 5}")).ToList();
        await InsertAsync(fixture, tenantId, events);

        await Task.WhenAll(RunAsync<UsageRollupJob>(fixture), RunAsync<UsageRollupJob>(fixture), RunAsync<UsageRollupJob>(fixture));

        var rollups = await RollupsAsync(fixture, tenantId);
        Assert.Equal(Expected(events, RollupGranularity.Hour), Actual(rollups, RollupGranularity.Hour));
        Assert.Equal(Expected(events, RollupGranularity.Day), Actual(rollups, RollupGranularity.Day));
    }

    [Fact]
    public async Task ApplyBatch_EventsRolledUpByAnotherRunAfterTheBatchWasRead_RollsBackAndWritesNothing()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        var events = Enumerable.Range(0, 5).Select(i => Call(tenantId, HoursAgo(4).AddMinutes(i), 9_000_000L + i)).ToList();
        await InsertAsync(fixture, tenantId, events);
        List<UsageEvent> stale;
        await using (var reader = fixture.Db(tenantId))
        {
            stale = await reader.UsageEvents.AsNoTracking().Where(e => !e.RolledUp).ToListAsync();
        }

        await RunAsync<UsageRollupJob>(fixture);
        bool applied;
        await using (var late = fixture.Db(tenantId))
        {
            applied = await UsageRollupBatch.ApplyAsync(late, stale, CancellationToken.None);
        }

        Assert.Equal(5, stale.Count);
        Assert.False(applied);
        var rollups = await RollupsAsync(fixture, tenantId);
        Assert.Equal(Expected(events, RollupGranularity.Hour), Actual(rollups, RollupGranularity.Hour));
        Assert.Equal(Expected(events, RollupGranularity.Day), Actual(rollups, RollupGranularity.Day));
    }

    [Fact]
    public async Task Run_MoreEventsThanOneBatch_AllRolledUp_SpendTotalUnchanged()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        var from = HoursAgo(20);
        var events = Enumerable.Range(0, UsageRollupJob.BatchSize + 7).Select(i => Call(tenantId, from.AddSeconds(i * 13), 1_000L + i)).ToList();
        await InsertAsync(fixture, tenantId, events);
        SpendLine before;
        await using (var db = fixture.Db(tenantId))
        {
            before = await SpendReader.TotalAsync(db, from, HoursAgo(-1), null, CancellationToken.None);
        }

        await RunAsync<UsageRollupJob>(fixture);

        await using var check = fixture.Db(tenantId);
        var after = await SpendReader.TotalAsync(check, from, HoursAgo(-1), null, CancellationToken.None);
        Assert.Equal(0, await check.UsageEvents.CountAsync(e => !e.RolledUp));
        Assert.Equal(events.Sum(e => e.CostNanoUsd), before.CostNanoUsd);
        Assert.Equal(before, after);
        Assert.Equal(events.Count, (await RollupsAsync(fixture, tenantId)).Where(r => r.Granularity == RollupGranularity.Hour).Sum(r => r.Requests));
    }
}
