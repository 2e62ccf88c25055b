using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Pages.Usage;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Overview;

/// <summary>
/// <c>/</c>: the tenant at a glance from <see cref="IOverviewOperations"/>: traffic, error and
/// fallback rates, latency, spend against budgets, and where the money goes.
/// </summary>
public sealed partial class OverviewPage : OperationComponentBase
{
    private string _range = OverviewQuery.Ranges[0];
    private OverviewView? _view;
    private string? _error;
    private bool _loading = true;
    private List<ChartSeries<double>> _traffic = [];
    private List<ChartSeries<double>> _spend = [];
    private string[] _labels = [];

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task OnRangeChangedAsync(string range)
    {
        _range = range;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        var query = new OverviewQuery(_range);
        var outcome = await RunAsync((IOverviewOperations overview, CancellationToken ct) => overview.GetAsync(query, ct));
        _loading = false;
        _error = outcome.Failure?.Detail;
        _view = outcome.Succeeded ? outcome.Value : null;
        if (_view is { } view)
        {
            var hourly = view.To - view.From <= TimeSpan.FromDays(1);
            _labels = [.. view.Buckets.Select((b, i) => Label(b.Start, i, hourly, view.Buckets.Count))];
            _traffic =
            [
                Series("Requests", view.Buckets.Select(b => (double)b.Requests)),
                Series("Errors", view.Buckets.Select(b => (double)b.Errors)),
                Series("Fallbacks", view.Buckets.Select(b => (double)b.Fallbacks)),
            ];
            _spend = [Series("Spend", view.Buckets.Select(b => (double)b.CostUsd))];
        }
    }

    /// <summary>Every label on a phone-width axis would overlap: about eight are shown, the rest left blank.</summary>
    private static string Label(DateTime start, int index, bool hourly, int count)
    {
        var step = Math.Max(1, (int)Math.Ceiling(count / 8.0));
        return index % step != 0 ? "" : start.ToString(hourly ? "HH:mm" : "MM-dd", CultureInfo.InvariantCulture);
    }

    private static ChartSeries<double> Series(string name, IEnumerable<double> values) =>
        new() { Name = name, Data = new ChartData<double>([.. values]) };

    private static string Rate(long part, long whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Ms(int? ms) => ms is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) + " ms" : "—";

    private static string Hour(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
