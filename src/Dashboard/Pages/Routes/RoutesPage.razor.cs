using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;
using RouteView = Platform.Shared.Management.RouteView;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// <c>/routes</c>: the tenant's task routes, a page at a time from <see cref="IRouteOperations"/>
/// (the operation <c>/api/v1/routes</c> runs), each with its fallback chain drawn in order, and the
/// routing dry run. Owners and admins create, edit and delete; every role may dry-run.
/// </summary>
public sealed partial class RoutesPage : OperationComponentBase
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudTable<RouteView>? _table;
    private string? _name;
    private string? _model;
    private string? _error;
    private string? _dryRunTarget;
    private IReadOnlyDictionary<string, ModelView> _models = new Dictionary<string, ModelView>();

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private async Task<TableData<RouteView>> LoadAsync(TableState state, CancellationToken _)
    {
        var query = new RouteQuery(Model: _model, Name: _name, Page: state.Page + 1, PageSize: state.PageSize);
        var outcome = await RunAsync((IRouteOperations routes, CancellationToken ct) => routes.ListAsync(query, ct));
        _error = outcome.Failure?.Detail;
        if (!outcome.Succeeded)
        {
            return new TableData<RouteView> { Items = [], TotalItems = 0 };
        }

        // One read for every candidate on the page, so each chain shows its models' region, capabilities and prices.
        var names = outcome.Value.Items.SelectMany(r => r.Candidates).Select(c => c.Model).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0
            && await RunAsync((IRouteOperations routes, CancellationToken ct) => routes.ChainModelsAsync(names, ct)) is { Succeeded: true } models)
        {
            _models = models.Value.ToDictionary(m => m.Name, StringComparer.Ordinal);
        }

        return new TableData<RouteView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total };
    }

    private Task OnNameChangedAsync(string? name)
    {
        _name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        return ReloadFromFirstPageAsync();
    }

    private Task OnModelChangedAsync(string? model)
    {
        _model = string.IsNullOrWhiteSpace(model) ? null : model.Trim();
        return ReloadFromFirstPageAsync();
    }

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

    private void DryRun(RouteView route) => _dryRunTarget = "route:" + route.Name;

    private Task CreateAsync() => OpenDialogAsync(null, null, "Create route");

    /// <summary>Reads the route afresh for its ETag, so a save over someone else's change is refused, not silent.</summary>
    private async Task EditAsync(RouteView route)
    {
        var read = await RunAsync((IRouteOperations routes, CancellationToken ct) => routes.GetAsync(route.Id, ct));
        if (!read.Succeeded)
        {
            _error = read.Failure.Detail;
            return;
        }

        await OpenDialogAsync(read.Value, read.ETag, $"Edit {read.Value.Name}");
    }

    private async Task OpenDialogAsync(RouteView? existing, string? etag, string title)
    {
        var parameters = new DialogParameters<RouteDialog> { { d => d.Existing, existing }, { d => d.ETag, etag } };
        var dialog = await Dialogs.ShowAsync<RouteDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: RouteView saved })
        {
            Snackbar.Add($"Route {saved.Name} saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(RouteView route)
    {
        if (!await Dialogs.ConfirmAsync(
            $"Delete {route.Name}?",
            "Calls to this route fail once the data plane reloads (within seconds). The audit log keeps what it was.",
            "Delete"))
        {
            return;
        }

        var outcome = await RunAsync((IRouteOperations routes, CancellationToken ct) => routes.DeleteAsync(route.Id, null, ct));
        if (outcome.Succeeded)
        {
            Snackbar.Add($"{route.Name} deleted.", Severity.Success);
            await ReloadAsync();
        }
        else
        {
            Snackbar.Add(outcome.Failure.Detail, Severity.Error);
        }
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
