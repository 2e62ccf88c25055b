namespace Platform.DataPlane.Budgets;

/// <summary>
/// What one admitted call reserved in each of its budgets. Settled exactly once: by the usage
/// recorder with the real cost, or, if the request ended without being recorded (an unhandled
/// exception), released at the end of the request.
/// </summary>
internal sealed class BudgetReservation(BudgetUse[] uses, long amountNanoUsd) : IDisposable
{
    private int _settled;

    public long AmountNanoUsd { get; } = amountNanoUsd;

    public IReadOnlyList<BudgetUse> Uses => uses;

    public bool IsSettled => Volatile.Read(ref _settled) != 0;

    public void Settle(long costNanoUsd)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return;
        }

        foreach (var use in uses)
        {
            use.Entry.Settle(AmountNanoUsd, costNanoUsd);
        }
    }

    public void Dispose() => Settle(0);
}
