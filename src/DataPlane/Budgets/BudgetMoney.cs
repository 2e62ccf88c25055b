using System.Globalization;

namespace Platform.DataPlane.Budgets;

/// <summary>Budget limits in the ledger's unit, nano-USD (the unit of <c>UsageEvent.CostNanoUsd</c>), and as callers read them.</summary>
internal static class BudgetMoney
{
    private const decimal NanoPerUsd = 1_000_000_000m;
    private const decimal MaxUsd = long.MaxValue / NanoPerUsd;

    public static long Nano(decimal usd) => usd <= 0 ? 0 : usd >= MaxUsd ? long.MaxValue : (long)(usd * NanoPerUsd);

    /// <summary><c>5</c>, <c>0.25</c>, <c>0.000012</c>: no trailing zeros, at most nano precision.</summary>
    public static string Text(decimal usd) => usd.ToString("0.#########", CultureInfo.InvariantCulture);
}
