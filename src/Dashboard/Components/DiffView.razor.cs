using Microsoft.AspNetCore.Components;
using Platform.Shared.Management;

namespace Platform.Dashboard.Components;

/// <summary>A line diff (<see cref="LineDiff"/>, as <c>GET /prompts/{id}/diff</c> answers it) shown side by side.</summary>
public sealed partial class DiffView : ComponentBase
{
    private IReadOnlyList<DiffRow> _rows = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<DiffLine> Lines { get; set; } = [];

    [Parameter]
    public string FromTitle { get; set; } = "Before";

    [Parameter]
    public string ToTitle { get; set; } = "After";

    private string Title => $"Differences between {FromTitle} and {ToTitle}";

    protected override void OnParametersSet() => _rows = DiffRow.Pair(Lines);

    private static string KindOf(DiffLine? line) => line?.Kind switch
    {
        null => "blank",
        DiffKind.Added => "added",
        DiffKind.Removed => "removed",
        _ => "same",
    };

    private static string MarkOf(DiffLine line) => line.Kind switch
    {
        DiffKind.Added => "+",
        DiffKind.Removed => "-",
        _ => " ",
    };
}
