using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Budgets;

/// <summary>
/// One budget in one period, in nano-USD: what the other processes spent (read from the usage
/// events), what this process settled, and what its calls in flight reserved. A lock of its own
/// keeps the admission check and the reservation one step.
/// </summary>
internal sealed class BudgetEntry(Guid tenantId, BudgetPolicy policy, BudgetWindow window)
{
    private readonly Lock _gate = new();
    private BudgetPolicy _policy = policy;
    private long _othersSpent;
    private long _ownSpent;
    private long _reserved;
    private long _lastUsedTicks;
    private TaskCompletionSource? _load;

    public Guid TenantId { get; } = tenantId;

    public BudgetWindow Window { get; } = window;

    /// <summary>The budget as the latest call that used this entry saw it: what the refresh reads the spend of.</summary>
    public BudgetPolicy Policy => Volatile.Read(ref _policy);

    public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

    /// <summary>The other processes' spend has been read once (or the read gave up) since the entry was created or last idled.</summary>
    public bool IsLoaded => Volatile.Read(ref _load) is { Task.IsCompleted: true };

    public long Spent
    {
        get
        {
            lock (_gate)
            {
                return _othersSpent + _ownSpent;
            }
        }
    }

    public long Reserved
    {
        get
        {
            lock (_gate)
            {
                return _reserved;
            }
        }
    }

    /// <summary>Spent plus reserved: what the budget is committed to.</summary>
    public long Committed
    {
        get
        {
            lock (_gate)
            {
                return _othersSpent + _ownSpent + _reserved;
            }
        }
    }

    public void Touch(BudgetPolicy budget, long utcNowTicks)
    {
        if (!ReferenceEquals(Volatile.Read(ref _policy), budget))
        {
            Volatile.Write(ref _policy, budget);
        }

        Volatile.Write(ref _lastUsedTicks, utcNowTicks);
    }

    /// <summary>
    /// The hard rule: reserves <paramref name="amount"/> only while spent + reserved is below the
    /// limit, so calls admitted together overshoot it by at most one reservation.
    /// </summary>
    public bool TryReserve(long amount, long limit)
    {
        lock (_gate)
        {
            if (_othersSpent + _ownSpent + _reserved >= limit)
            {
                return false;
            }

            _reserved += amount;
            return true;
        }
    }

    /// <summary>Reserves whatever the state; returns what was committed before.</summary>
    public long Reserve(long amount)
    {
        lock (_gate)
        {
            var before = _othersSpent + _ownSpent + _reserved;
            _reserved += amount;
            return before;
        }
    }

    /// <summary>Gives back a reservation of a call that was then refused by another budget.</summary>
    public void Release(long amount)
    {
        lock (_gate)
        {
            _reserved -= amount;
        }
    }

    /// <summary>A finished call: its reservation becomes what it really cost (0 for a failure).</summary>
    public void Settle(long reserved, long cost)
    {
        lock (_gate)
        {
            _reserved -= reserved;
            _ownSpent += cost;
        }
    }

    public void SetOthersSpent(long spent)
    {
        lock (_gate)
        {
            _othersSpent = spent;
        }
    }

    /// <summary>
    /// The first read of the other processes' spend. The one caller that gets <paramref name="mine"/>
    /// performs it and completes it; everyone else waits on the returned task.
    /// </summary>
    public Task BeginLoad(out TaskCompletionSource? mine)
    {
        mine = null;
        if (Volatile.Read(ref _load) is { } current)
        {
            return current.Task;
        }

        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        current = Interlocked.CompareExchange(ref _load, created, null) ?? created;
        mine = ReferenceEquals(current, created) ? created : null;
        return current.Task;
    }

    /// <summary>An idle entry stops being refreshed; the next call that uses it loads it again.</summary>
    public void ForgetLoad()
    {
        if (Volatile.Read(ref _load) is { Task.IsCompleted: true } done)
        {
            Interlocked.CompareExchange(ref _load, null, done);
        }
    }
}
