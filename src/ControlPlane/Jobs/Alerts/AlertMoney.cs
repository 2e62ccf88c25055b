using System.Globalization;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>Nano-USD (the ledger's unit, <c>UsageEvent.CostNanoUsd</c>) to and from dollars, and as people read them.</summary>
internal static class AlertMoney
{
    private const decimal NanoPerUsd = 1_000_000_000m;
    private const decimal MaxUsd = long.MaxValue / NanoPerUsd;

    /// <summary>The data plane's rounding (<c>BudgetMoney</c>), so both compare spend with the same limit.</summary>
    public static long Nano(decimal usd) => usd <= 0 ? 0 : usd >= MaxUsd ? long.MaxValue : (long)(usd * NanoPerUsd);

    public static decimal Usd(long nano) => nano / NanoPerUsd;

    /// <summary><c>$8.10</c>, <c>$0.000012</c>: cents always, smaller digits only when there are some.</summary>
    public static string Text(long nano) => "$" + Usd(nano).ToString("#,0.00#######", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="spent"/> is at least <paramref name="percent"/> % of <paramref name="limit"/>, without overflow.</summary>
    public static bool Reaches(long spent, long limit, int percent) => spent > 0 && (Int128)spent * 100 >= (Int128)limit * percent;

    /// <summary><c>81.5</c>: spent as a percentage of the limit, one decimal at most.</summary>
    public static string Percent(long spent, long limit) =>
        limit <= 0 ? "—" : Math.Round((decimal)spent * 100 / limit, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
