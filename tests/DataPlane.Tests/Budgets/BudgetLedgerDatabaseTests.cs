using Microsoft.Extensions.Logging;
using Platform.DataPlane.Budgets;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Hosting;
using Platform.DataPlane.Recording;
using Platform.DataPlane.Tests.Configuration;
using Platform.DataPlane.Tests.Health;
using Platform.DataPlane.Tests.Recording;
using Platform.Shared.Domain;
using static Platform.DataPlane.Tests.Budgets.BudgetTestPolicies;

namespace Platform.DataPlane.Tests.Budgets;

/// <summary>The ledger reading the other data planes' spend from a real SQLite file.</summary>
public sealed class BudgetLedgerDatabaseTests : IDisposable
{
    private readonly RecordingTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new();
    private readonly DataPlaneInstance _me = new();

    public BudgetLedgerDatabaseTests() => _time.Advance(Now - _time.GetUtcNow());

    [Fact]
    public async Task LoadAsync_EventsOfOtherInstances_CountedButOwnOutOfPeriodAndOtherFeatureNot()
    {
        await InsertAsync(
            Event(1_000, "dp-other", feature: "alpha"),
            Event(200, null, feature: "beta"),
            Event(50_000, _me.Id, feature: "alpha"),
            Event(70_000, "dp-other", feature: "alpha", startedAt: Now.AddDays(-1)),
            Event(30_000, "dp-other", feature: "alpha", startedAt: Now.Date.AddDays(1)));
        var ledger = Ledger(_database.Good, _time, _me);
        var policy = Tenant(_database.TenantId, Budget(name: "tenant"), Budget(BudgetScope.Feature, "alpha", name: "alpha"), Budget(BudgetScope.Feature, "gamma", name: "gamma"));
        var entries = ledger.Applicable(Call(policy, feature: "alpha"))!.Select(u => u.Entry).ToArray();
        var gamma = ledger.Applicable(Call(policy, feature: "gamma"))![1].Entry;

        foreach (var entry in entries.Append(gamma))
        {
            await ledger.LoadAsync(entry);
        }

        Assert.Equal([("tenant", 1_200L), ("alpha", 1_000L)], entries.Select(e => (e.Policy.Name, e.Spent)));
        Assert.Equal(0, gamma.Spent);
        Assert.All(entries, e => Assert.True(e.IsLoaded));
    }

    [Fact]
    public async Task LoadAsync_KeyBudget_CountsEventsOfTheKeysWithThatName()
    {
        var app = Guid.NewGuid();
        var other = Guid.NewGuid();
        await using (var db = _database.Good.Create(_database.TenantId))
        {
            db.ApiKeys.Add(new ApiKey { Id = app, TenantId = _database.TenantId, Name = "app", Prefix = "plt_a", Hash = "a" });
            db.ApiKeys.Add(new ApiKey { Id = other, TenantId = _database.TenantId, Name = "other", Prefix = "plt_o", Hash = "o" });
            await db.SaveChangesAsync();
        }

        await InsertAsync(Event(400, "dp-other", key: app), Event(8_000, "dp-other", key: other), Event(16_000, "dp-other"));
        var ledger = Ledger(_database.Good, _time, _me);
        var entry = Assert.Single(ledger.Applicable(Call(Tenant(_database.TenantId, Budget(BudgetScope.ApiKey, "app")), keyName: "app"))!).Entry;

        await ledger.LoadAsync(entry);

        Assert.Equal(400, entry.Spent);
    }

    [Fact]
    public async Task RefreshAsync_AfterLoad_ReadsNewSpendOfOthersAndKeepsOwnSpend()
    {
        var ledger = Ledger(_database.Good, _time, _me);
        var call = Call(Tenant(_database.TenantId, Budget()));
        var entry = Assert.Single(ledger.Applicable(call)!).Entry;
        await ledger.LoadAsync(entry);
        ledger.Settle(call, CallResult.Refused(200), 5);
        await InsertAsync(Event(3_000, "dp-other"), Event(5, _me.Id));

        await ledger.RefreshAsync(CancellationToken.None);

        Assert.Equal(3_005, entry.Spent);
    }

    [Fact]
    public async Task RefreshAsync_IdleEntryAndEndedPeriod_IdleReloadsOnNextUseEndedIsDropped()
    {
        var ledger = Ledger(_database.Good, _time, _me);
        var idle = Assert.Single(ledger.Applicable(Call(Tenant(_database.TenantId, Budget())))!).Entry;
        var ended = Assert.Single(ledger.Applicable(Call(Tenant(_database.TenantId, Budget()), startedAt: Now.AddDays(-2)))!).Entry;
        await ledger.LoadAsync(idle);
        await ledger.LoadAsync(ended);
        _time.Advance(new BudgetOptions().IdleAfter + TimeSpan.FromMinutes(1));

        await ledger.RefreshAsync(CancellationToken.None);

        Assert.False(idle.IsLoaded);
        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    public async Task LoadAsync_DatabaseDown_CompletesWithWhatIsKnownAndWarnsOnce()
    {
        using var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var ledger = Ledger(_database.Unreachable, _time, _me, factory.CreateLogger<BudgetLedger>());
        var policy = Tenant(_database.TenantId, Budget(name: "tenant"), Budget(BudgetScope.Feature, "alpha", name: "alpha"));
        var call = Call(policy, feature: "alpha");
        ledger.Settle(call, CallResult.Refused(200), 42);
        var entries = ledger.Applicable(call)!.Select(u => u.Entry).ToArray();

        foreach (var entry in entries)
        {
            await ledger.LoadAsync(entry);
        }

        await ledger.RefreshAsync(CancellationToken.None);

        Assert.All(entries, e => Assert.Equal((true, 42L), (e.IsLoaded, e.Spent)));
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Category == typeof(BudgetLedger).FullName);
    }

    public void Dispose() => _database.Dispose();

    private UsageEvent Event(long cost, string? recordedBy, string? feature = null, Guid? key = null, DateTime? startedAt = null) => new()
    {
        TenantId = _database.TenantId,
        Endpoint = "chat",
        Feature = feature,
        ApiKeyId = key,
        Status = 200,
        StartedAt = startedAt ?? Now.AddHours(-1),
        CostNanoUsd = cost,
        RecordedBy = recordedBy,
    };

    private async Task InsertAsync(params UsageEvent[] events)
    {
        await using var db = _database.Good.Create(_database.TenantId);
        db.UsageEvents.AddRange(events);
        await db.SaveChangesAsync();
    }
}
