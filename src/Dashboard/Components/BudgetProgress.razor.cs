using Microsoft.AspNetCore.Components;

namespace Platform.Dashboard.Components;

/// <summary>One budget's spend against its limit for the current period, and the run-out forecast; the arithmetic is <see cref="BudgetMeter"/>'s.</summary>
public sealed partial class BudgetProgress : ComponentBase
{
    private BudgetMeter _meter = new(0, 0, []);

    [Parameter, EditorRequired]
    public string Name { get; set; } = "";

    [Parameter, EditorRequired]
    public decimal SpentUsd { get; set; }

    [Parameter, EditorRequired]
    public decimal LimitUsd { get; set; }

    [Parameter]
    public IReadOnlyList<int> Thresholds { get; set; } = [];

    /// <summary>When the limit is reached at the period's rate so far, if before the period ends; null shows no forecast.</summary>
    [Parameter]
    public DateTime? ForecastRunOutAt { get; set; }

    protected override void OnParametersSet() => _meter = new BudgetMeter(SpentUsd, LimitUsd, Thresholds);
}
