using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.DataPlane.Hosting;
using Platform.DataPlane.Limits;
using Platform.DataPlane.Tests.Configuration;
using Platform.DataPlane.Tests.Health;
using Platform.DataPlane.Tests.Recording;
using Platform.Shared.Data;

namespace Platform.DataPlane.Tests.Limits;

/// <summary>
/// Two data-plane instances (each its own limiter, sync and instance id) sharing one migrated
/// SQLite file; the test runs their sync rounds by hand, so "one sync interval" is one round.
/// </summary>
public sealed class RateLimitSyncTests : IDisposable
{
    private readonly RecordingTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Sync_OtherInstanceUsedUpKeyRpm_RefusedAfterOneRoundEach()
    {
        var (a, b) = (Instance(), Instance());
        var tenant = LimitPolicies.Tenant(id: _database.TenantId);
        var key = LimitPolicies.Key(tenant, rpm: 10);
        var admitted = 0;
        for (var i = 0; i < 12; i++)
        {
            admitted += a.Limiter.Check(key, tenant).Admitted ? 1 : 0;
        }

        Assert.True(await a.Sync.SyncAsync(CancellationToken.None));
        Assert.True(await b.Sync.SyncAsync(CancellationToken.None));
        var onB = b.Limiter.Check(key, tenant);

        Assert.Equal(10, admitted);
        Assert.Equal(RateRefusal.KeyRequests, onB.Refusal);
        Assert.Equal(0, onB.RemainingRequests);
    }

    [Fact]
    public async Task Sync_BothInstancesAdmitBetweenRounds_TotalWithinStatedBound()
    {
        const int Limit = 10;
        const int AttemptsPerRound = 3;
        var (a, b) = (Instance(), Instance());
        var tenant = LimitPolicies.Tenant(rpm: Limit, id: _database.TenantId);
        var key = LimitPolicies.Key(tenant);
        var total = 0;
        var mostInOneRound = 0;
        for (var round = 0; round < 6; round++)
        {
            foreach (var instance in new[] { a, b })
            {
                var admitted = 0;
                for (var i = 0; i < AttemptsPerRound; i++)
                {
                    admitted += instance.Limiter.Check(key, tenant).Admitted ? 1 : 0;
                }

                total += admitted;
                mostInOneRound = Math.Max(mostInOneRound, admitted);
            }

            Assert.True(await a.Sync.SyncAsync(CancellationToken.None));
            Assert.True(await b.Sync.SyncAsync(CancellationToken.None));
        }

        // README "Rate limits": at most what the other N-1 instances admit in two sync intervals.
        var bound = (2 - 1) * 2 * mostInOneRound;
        Assert.InRange(total, Limit, Limit + bound);
        Assert.True(total > Limit, "the rounds are meant to overshoot a little; otherwise the bound is not exercised");
        Assert.Equal(RateRefusal.TenantRequests, a.Limiter.Check(key, tenant).Refusal);
        Assert.Equal(RateRefusal.TenantRequests, b.Limiter.Check(key, tenant).Refusal);
    }

    [Fact]
    public async Task Sync_TokensSettledOnOneInstance_CountOnTheOther()
    {
        var (a, b) = (Instance(), Instance());
        var tenant = LimitPolicies.Tenant(tpm: 500, id: _database.TenantId);
        var key = LimitPolicies.Key(tenant);
        Assert.True(a.Limiter.Check(key, tenant).Admitted);
        var (call, result) = LimitPolicies.Finished(key, tenant, input: 400, output: 100);
        a.Limiter.Settle(call, result, 0);

        var beforeSync = b.Limiter.Check(key, tenant);
        await a.Sync.SyncAsync(CancellationToken.None);
        await b.Sync.SyncAsync(CancellationToken.None);
        var afterSync = b.Limiter.Check(key, tenant);

        Assert.True(beforeSync.Admitted);
        Assert.Equal(RateRefusal.TenantTokens, afterSync.Refusal);
        Assert.Equal(0, afterSync.RemainingTokens);
    }

    [Fact]
    public async Task Sync_PublishesOwnRow_AndDeletesWindowsOlderThanRetention()
    {
        var a = Instance();
        var tenant = LimitPolicies.Tenant(id: _database.TenantId);
        var key = LimitPolicies.Key(tenant, rpm: 100);
        a.Limiter.Check(key, tenant);
        a.Limiter.Check(key, tenant);
        await a.Sync.SyncAsync(CancellationToken.None);
        var first = Assert.Single(await RowsAsync());

        _time.Advance(RateLimitSync.Retention + TimeSpan.FromMinutes(1));
        a.Limiter.Check(key, tenant);
        await a.Sync.SyncAsync(CancellationToken.None);
        var later = Assert.Single(await RowsAsync());

        Assert.Equal((RateScopes.Key(key.Id), a.Id, 2L, new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc)), (first.Scope, first.Instance, first.Requests, first.WindowStart));
        Assert.Equal((1L, new DateTime(2025, 1, 1, 12, 3, 0, DateTimeKind.Utc)), (later.Requests, later.WindowStart));
    }

    [Fact]
    public async Task Sync_DatabaseDown_LimitsHoldLocallyAndOneWarning()
    {
        using var logs = new ListLoggerProvider();
        using var loggers = new LoggerFactory([logs]);
        var a = Instance(_database.Unreachable, loggers.CreateLogger<RateLimitSync>());
        var tenant = LimitPolicies.Tenant(id: _database.TenantId);
        var key = LimitPolicies.Key(tenant, rpm: 2);

        var rounds = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            rounds.Add(a.Limiter.Check(key, tenant).Admitted);
            rounds.Add(await a.Sync.SyncAsync(CancellationToken.None));
        }

        Assert.Equal([true, false, true, false, false, false], rounds);
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Category.EndsWith(nameof(RateLimitSync), StringComparison.Ordinal));
    }

    public void Dispose() => _database.Dispose();

    private async Task<List<Shared.Domain.RateLimitCounter>> RowsAsync()
    {
        await using var db = _database.Good.Create(_database.TenantId);
        return await db.RateLimitCounters.AsNoTracking().ToListAsync();
    }

    private Node Instance(PlatformDbContextFactory? contexts = null, ILogger<RateLimitSync>? logger = null)
    {
        var limiter = new RateLimiter(_time);
        var instance = new DataPlaneInstance();
        var sync = new RateLimitSync(
            limiter,
            new RateCounterStore(contexts ?? _database.Good),
            instance,
            _time,
            Options.Create(new RateLimitOptions()),
            logger ?? NullLogger<RateLimitSync>.Instance);
        return new Node(limiter, sync, instance.Id);
    }

    private sealed record Node(RateLimiter Limiter, RateLimitSync Sync, string Id);
}
