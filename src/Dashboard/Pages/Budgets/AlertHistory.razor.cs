using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Budgets;

/// <summary>
/// The tenant's budget alerts, newest first, a page at a time from <see cref="IAlertOperations"/>,
/// with how each alert's e-mail and webhook went; filtered to one budget from a list of the budgets.
/// </summary>
public sealed partial class AlertHistory : OperationComponentBase
{
    private static readonly int[] PageSizes = [10, 25, 50];

    private MudTable<BudgetAlertView>? _table;
    private IReadOnlyList<BudgetView> _budgets = [];
    private Guid? _budgetId;
    private string? _error;

    protected override Task OnInitializedAsync() => LoadBudgetsAsync();

    /// <summary>After a budget is created, renamed or deleted: the filter's list and the rows' names change.</summary>
    public async Task ReloadBudgetsAsync()
    {
        await LoadBudgetsAsync();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }

        StateHasChanged();
    }

    /// <summary>The filter offers the first page of budgets by name; a tenant with more narrows the list above instead.</summary>
    private async Task LoadBudgetsAsync()
    {
        var outcome = await RunAsync((IBudgetOperations budgets, CancellationToken ct) =>
            budgets.ListAsync(new BudgetQuery(PageSize: Paging.MaxPageSize), ct));
        _budgets = outcome.Succeeded ? outcome.Value.Items : [];
    }

    private async Task<TableData<BudgetAlertView>> LoadAsync(TableState state, CancellationToken _)
    {
        var query = new AlertQuery(BudgetId: _budgetId, Page: state.Page + 1, PageSize: state.PageSize);
        var outcome = await RunAsync((IAlertOperations alerts, CancellationToken ct) => alerts.ListAsync(query, ct));
        _error = outcome.Failure?.Detail;
        return outcome.Succeeded
            ? new TableData<BudgetAlertView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total }
            : new TableData<BudgetAlertView> { Items = [], TotalItems = 0 };
    }

    private async Task OnBudgetChangedAsync(Guid? budgetId)
    {
        _budgetId = budgetId;
        if (_table is null)
        {
            return;
        }

        // A new filter starts at the first page.
        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(0);
        }
        else
        {
            await _table.ReloadServerData();
        }
    }

    private string BudgetName(Guid? id) =>
        id is { } value ? _budgets.FirstOrDefault(b => b.Id == value)?.Name ?? "(deleted budget)" : "All budgets";
}
