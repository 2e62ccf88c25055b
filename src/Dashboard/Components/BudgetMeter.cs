using System.Globalization;
using MudBlazor;

namespace Platform.Dashboard.Components;

/// <summary>
/// How full a budget is in its current period: the percent spent, the thresholds already crossed
/// (which the alert job has raised or will raise), and the colour that says it at a glance: green
/// below every threshold, amber once one is crossed, red at or over the limit.
/// </summary>
public sealed record BudgetMeter(decimal SpentUsd, decimal LimitUsd, IReadOnlyList<int> Thresholds)
{
    /// <summary>Spent as a percent of the limit, one decimal; a zero limit is full as soon as anything is spent.</summary>
    public decimal Percent => LimitUsd > 0
        ? Math.Round(SpentUsd / LimitUsd * 100m, 1, MidpointRounding.AwayFromZero)
        : SpentUsd > 0 ? 100m : 0m;

    /// <summary>The bar stops at full; <see cref="OverLimit"/> says by how much it is past.</summary>
    public double BarValue => (double)Math.Min(Percent, 100m);

    public bool OverLimit => SpentUsd >= LimitUsd && (SpentUsd > 0 || LimitUsd > 0);

    public decimal OverByUsd => Math.Max(0m, SpentUsd - LimitUsd);

    public IReadOnlyList<int> Crossed => [.. Thresholds.Where(t => Percent >= t).Order()];

    /// <summary>Markers on the bar; a threshold past 100% would sit off the end, so it is left out.</summary>
    public IReadOnlyList<int> Markers => [.. Thresholds.Where(t => t is > 0 and <= 100).Distinct().Order()];

    public Color Colour => OverLimit ? Color.Error : Crossed.Count > 0 ? Color.Warning : Color.Success;

    public string Summary => string.Create(CultureInfo.InvariantCulture, $"${SpentUsd:N2} of ${LimitUsd:N2} ({Percent:0.#}%)");
}
