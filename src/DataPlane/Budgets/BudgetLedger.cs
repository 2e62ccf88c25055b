using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Hosting;
using Platform.DataPlane.Recording;
using Platform.Shared.Data;

namespace Platform.DataPlane.Budgets;

/// <summary>
/// Every budget period in use in this process, keyed by (budget id, period start). Spent is the
/// other processes' spend, read from the usage events on first use and then every
/// <see cref="BudgetOptions.RefreshInterval"/>, plus this process's settled spend, counted here;
/// reserved is this process's calls in flight. Settles every finished call (<see cref="ICallSettlement"/>).
/// </summary>
internal sealed partial class BudgetLedger(
    PlatformDbContextFactory contexts,
    DataPlaneInstance instance,
    TimeProvider time,
    IOptions<BudgetOptions> options,
    ILogger<BudgetLedger> logger) : ICallSettlement
{
    /// <summary>A call admitted just before a period ended still settles into it; its entry outlives the period this long.</summary>
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(Guid Budget, DateTime Start), BudgetEntry> _entries = new();
    private readonly BudgetOptions _options = options.Value;
    private int _databaseDown;

    public int Count => _entries.Count;

    /// <summary>The budgets that count this call, in the tenant's order, with their current entries; null when none does.</summary>
    public BudgetUse[]? Applicable(CallContext call)
    {
        var tenant = call.Tenant!;
        var budgets = tenant.Budgets;
        var count = 0;
        for (var i = 0; i < budgets.Count; i++)
        {
            if (BudgetScopes.Applies(budgets[i], call) && BudgetPeriods.TryGetWindow(budgets[i], call.StartedAt, out _))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return null;
        }

        var uses = new BudgetUse[count];
        var now = time.GetUtcNow().UtcTicks;
        for (int i = 0, j = 0; i < budgets.Count; i++)
        {
            if (BudgetScopes.Applies(budgets[i], call) && BudgetPeriods.TryGetWindow(budgets[i], call.StartedAt, out var window))
            {
                uses[j++] = new BudgetUse(budgets[i], Entry(tenant.TenantId, budgets[i], window, now));
            }
        }

        return uses;
    }

    public BudgetEntry Entry(Guid tenantId, BudgetPolicy budget, BudgetWindow window, long utcNowTicks)
    {
        var entry = _entries.GetOrAdd(
            (budget.Id, window.Start),
            static (_, state) => new BudgetEntry(state.tenantId, state.budget, state.window),
            (tenantId, budget, window));
        entry.Touch(budget, utcNowTicks);
        return entry;
    }

    /// <summary>
    /// Completes once the entry's other-process spend has been read, or the read failed, or
    /// <see cref="BudgetOptions.LoadTimeout"/> passed: a database outage never holds calls longer.
    /// Never faults.
    /// </summary>
    public Task LoadAsync(BudgetEntry entry)
    {
        var loading = entry.BeginLoad(out var mine);
        return mine is null ? loading : LoadAndCompleteAsync(entry, mine);
    }

    public void Settle(CallContext call, in CallResult result, long costNanoUsd)
    {
        if (call.Budget is { } reservation)
        {
            reservation.Settle(costNanoUsd);
            return;
        }

        // A call no gate reserved for still spends the budgets that count it.
        if (costNanoUsd > 0 && call.Tenant is { Budgets.Count: > 0 })
        {
            Charge(call, costNanoUsd);
        }
    }

    /// <summary>
    /// One refresh round: reads the other processes' spend of every entry in use, lets idle
    /// entries go stale (their next call reloads them) and drops entries of ended periods once
    /// nothing is reserved in them. Stops the round at the first database failure.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var idleSince = (now - _options.IdleAfter).UtcTicks;
        foreach (var (key, entry) in _entries)
        {
            if (now.UtcDateTime >= entry.Window.End + ExpiryGrace && entry.Reserved == 0)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
            else if (!entry.IsLoaded)
            {
                // Never used by a call yet, or its first load is in flight.
            }
            else if (entry.LastUsedTicks < idleSince)
            {
                entry.ForgetLoad();
            }
            else if (!await TryReadAsync(entry, cancellationToken))
            {
                return;
            }
        }
    }

    private void Charge(CallContext call, long costNanoUsd)
    {
        var budgets = call.Tenant!.Budgets;
        var now = time.GetUtcNow().UtcTicks;
        for (var i = 0; i < budgets.Count; i++)
        {
            if (BudgetScopes.Applies(budgets[i], call) && BudgetPeriods.TryGetWindow(budgets[i], call.StartedAt, out var window))
            {
                Entry(call.Tenant.TenantId, budgets[i], window, now).Settle(0, costNanoUsd);
            }
        }
    }

    private async Task LoadAndCompleteAsync(BudgetEntry entry, TaskCompletionSource loaded)
    {
        try
        {
            // A read that outlives the timeout still lands in the entry when it finishes. It runs on the
            // thread pool: SQLite answers synchronously, and a call may be on a socket event thread (InlineIo),
            // which must never wait on the database; off that thread the timeout also holds on SQLite.
            await Task.Run(() => TryReadAsync(entry, CancellationToken.None)).WaitAsync(_options.LoadTimeout, time);
        }
        catch (TimeoutException)
        {
            DatabaseDown($"no answer within {_options.LoadTimeout.TotalSeconds:0.#} s");
        }
        finally
        {
            loaded.TrySetResult();
        }
    }

    private async Task<bool> TryReadAsync(BudgetEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            entry.SetOthersSpent(await BudgetSpendQuery.OthersNanoUsdAsync(contexts, entry, instance.Id, cancellationToken));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            DatabaseDown(ex.Message);
            return false;
        }

        if (Volatile.Read(ref _databaseDown) != 0 && Interlocked.Exchange(ref _databaseDown, 0) != 0)
        {
            LogSpendReadable(logger);
        }

        return true;
    }

    private void DatabaseDown(string reason)
    {
        if (Interlocked.Exchange(ref _databaseDown, 1) == 0)
        {
            LogSpendUnreadable(logger, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Budgets cannot read the other data planes' spend ({Reason}); they go on with what this process knows until the database answers again.")]
    private static partial void LogSpendUnreadable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Budgets read the other data planes' spend again.")]
    private static partial void LogSpendReadable(ILogger logger);
}
