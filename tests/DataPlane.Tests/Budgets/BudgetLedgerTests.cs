using Platform.DataPlane.Budgets;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Recording;
using Platform.DataPlane.Tests.Health;
using Platform.DataPlane.Tests.Recording;
using Platform.Shared.Domain;
using static Platform.DataPlane.Tests.Budgets.BudgetTestPolicies;

namespace Platform.DataPlane.Tests.Budgets;

/// <summary>The ledger's arithmetic in memory: the hard rule, reservations and settlement.</summary>
public sealed class BudgetLedgerTests : IDisposable
{
    private readonly RecordingTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new();

    public BudgetLedgerTests() => _time.Advance(Now - _time.GetUtcNow());

    [Fact]
    public void TryReserve_ConcurrentCalls_AdmitsOnlyWhileSpentPlusReservedIsBelowLimit()
    {
        var entry = new BudgetEntry(Guid.NewGuid(), Budget(), new BudgetWindow(Now.Date, Now.Date.AddDays(1)));
        const long limit = 100;
        const long amount = 7;
        var admitted = 0;

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (entry.TryReserve(amount, limit))
            {
                Interlocked.Increment(ref admitted);
            }
        });

        // 0, 7, …, 98 are below 100: 15 calls; the overshoot is less than one reservation.
        Assert.Equal(15, admitted);
        Assert.Equal(105, entry.Reserved);
        Assert.True(entry.Reserved < limit + amount);
    }

    [Fact]
    public void Settle_FailedCall_ReleasesReservationWithoutSpend()
    {
        var ledger = Ledger(_database.Good, _time);
        var call = Call(Tenant(Guid.NewGuid(), Budget(), Budget(BudgetScope.Feature, "alpha")), feature: "alpha");
        var reservation = Reserve(ledger, call, 5_000);
        Assert.All(reservation.Uses, u => Assert.Equal(5_000, u.Entry.Reserved));

        ledger.Settle(call, new CallResult(502, null, [], 0, default, ErrorClass.ServerError), 0);

        Assert.All(reservation.Uses, u => Assert.Equal((0L, 0L), (u.Entry.Reserved, u.Entry.Spent)));
    }

    [Fact]
    public void Settle_SuccessfulCall_ReservationBecomesCostOnce()
    {
        var ledger = Ledger(_database.Good, _time);
        var call = Call(Tenant(Guid.NewGuid(), Budget()));
        var reservation = Reserve(ledger, call, 5_000);

        ledger.Settle(call, CallResult.Refused(200), 1_234);
        ledger.Settle(call, CallResult.Refused(200), 1_234);
        reservation.Dispose();

        var entry = Assert.Single(reservation.Uses).Entry;
        Assert.Equal((0L, 1_234L), (entry.Reserved, entry.Spent));
    }

    [Fact]
    public void Dispose_CallNeverRecorded_ReleasesReservation()
    {
        var ledger = Ledger(_database.Good, _time);
        var call = Call(Tenant(Guid.NewGuid(), Budget()));
        var reservation = Reserve(ledger, call, 5_000);

        reservation.Dispose();
        ledger.Settle(call, CallResult.Refused(200), 9_999);

        var entry = Assert.Single(reservation.Uses).Entry;
        Assert.Equal((0L, 0L), (entry.Reserved, entry.Spent));
    }

    [Fact]
    public void Applicable_ScopesAndPeriods_OnlyBudgetsThatCountTheCall()
    {
        var ledger = Ledger(_database.Good, _time);
        var tenant = Budget(name: "tenant");
        var alpha = Budget(BudgetScope.Feature, "alpha", name: "alpha");
        var beta = Budget(BudgetScope.Feature, "beta", name: "beta");
        var app = Budget(BudgetScope.ApiKey, "app", name: "app");
        var other = Budget(BudgetScope.ApiKey, "other", name: "other");
        var past = Budget(period: BudgetPeriod.Custom, start: Now.AddDays(-10), end: Now.AddDays(-1), name: "past");
        var policy = Tenant(Guid.NewGuid(), tenant, alpha, beta, app, other, past);

        var entries = ledger.Applicable(Call(policy, feature: "alpha", keyName: "app"));
        var none = ledger.Applicable(Call(policy with { Budgets = [beta, other, past] }, feature: "alpha"));

        Assert.Equal(["tenant", "alpha", "app"], entries!.Select(u => u.Budget.Name));
        Assert.Null(none);
    }

    [Fact]
    public void Settle_UnreservedCallWithCost_ChargedToTheBudgetsThatCountIt()
    {
        var ledger = Ledger(_database.Good, _time);
        var policy = Tenant(Guid.NewGuid(), Budget(name: "tenant"), Budget(BudgetScope.Feature, "alpha", name: "alpha"));
        var embeddings = Call(policy, feature: "beta");

        ledger.Settle(embeddings, CallResult.Refused(200), 700);

        var entries = ledger.Applicable(Call(policy, feature: "alpha"))!;
        Assert.Equal([("tenant", 700L), ("alpha", 0L)], entries.Select(u => (u.Budget.Name, u.Entry.Spent)));
    }

    public void Dispose() => _database.Dispose();

    private static BudgetReservation Reserve(BudgetLedger ledger, CallContext call, long amount)
    {
        var uses = ledger.Applicable(call)!;
        foreach (var use in uses)
        {
            Assert.True(use.Entry.TryReserve(amount, use.LimitNanoUsd));
        }

        var reservation = new BudgetReservation(uses, amount);
        call.Budget = reservation;
        return reservation;
    }
}
