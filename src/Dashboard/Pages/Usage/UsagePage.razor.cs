using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Usage;

/// <summary>
/// <c>/usage</c>: the tenant's recorded calls, a page at a time from <see cref="IUsageOperations"/>
/// (the operation the API's <c>/api/v1/usage</c> runs). The default range is the last 24 hours, so
/// the first page reads a bounded slice of the (TenantId, StartedAt) index however big the table is.
/// </summary>
public sealed partial class UsagePage : OperationComponentBase
{
    private const string Any = "";
    private static readonly int[] PageSizes = [25, 50, 100];

    private MudTable<UsageRecordView>? _table;
    private UsageRange _range = UsageRange.Default;
    private string? _route;
    private string? _feature;
    private string? _model;
    private string _status = Any;
    private string _fallback = Any;
    private bool _capped;
    private string? _error;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>A capped count is a lower bound; the pager says so rather than show a wrong total.</summary>
    private string PagerInfo => _capped
        ? $"{{first_item}}-{{last_item}} of more than {UsageRecordPage.CountCap:N0}"
        : "{first_item}-{last_item} of {all_items}";

    private UsageFilter Filter => new()
    {
        From = _range.From(Time.GetUtcNow().UtcDateTime),
        Route = _route,
        Feature = _feature,
        Model = _model,
        Failed = _status switch { "ok" => false, "error" => true, _ => null },
        Fallback = _fallback switch { "yes" => true, "no" => false, _ => null },
    };

    private async Task<TableData<UsageRecordView>> LoadAsync(TableState state, CancellationToken _)
    {
        var query = new UsageListQuery(Filter, state.Page + 1, state.PageSize);
        var outcome = await RunAsync((IUsageOperations usage, CancellationToken ct) => usage.ListAsync(query, ct));
        _error = outcome.Failure?.Detail;
        _capped = outcome.Succeeded && outcome.Value.TotalIsCapped;
        return outcome.Succeeded
            ? new TableData<UsageRecordView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total }
            : new TableData<UsageRecordView> { Items = [], TotalItems = 0 };
    }

    private Task OnRangeChangedAsync(string key)
    {
        _range = UsageRange.Of(key);
        return ReloadFromFirstPageAsync();
    }

    private Task OnRouteChangedAsync(string? route)
    {
        _route = Trimmed(route);
        return ReloadFromFirstPageAsync();
    }

    private Task OnFeatureChangedAsync(string? feature)
    {
        _feature = Trimmed(feature);
        return ReloadFromFirstPageAsync();
    }

    private Task OnModelChangedAsync(string? model)
    {
        _model = Trimmed(model);
        return ReloadFromFirstPageAsync();
    }

    private Task OnStatusChangedAsync(string status)
    {
        _status = status;
        return ReloadFromFirstPageAsync();
    }

    private Task OnFallbackChangedAsync(string fallback)
    {
        _fallback = fallback;
        return ReloadFromFirstPageAsync();
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A new filter starts at the first page: page 3 of the old result means nothing for the new one.</summary>
    private async Task ReloadFromFirstPageAsync()
    {
        if (_table is null)
        {
            return;
        }

        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(0);
        }
        else
        {
            await _table.ReloadServerData();
        }
    }
}
