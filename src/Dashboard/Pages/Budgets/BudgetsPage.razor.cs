using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Budgets;

/// <summary>
/// <c>/budgets</c>: the tenant's budgets a page at a time, each with its current period's exact
/// spend against the limit (<see cref="IBudgetOperations.ProgressAsync"/>, the alert job's numbers),
/// the alert history and the webhook signing secret. Owners and admins create, edit and delete;
/// other roles read, and the operation refuses their writes anyway.
/// </summary>
public sealed partial class BudgetsPage : OperationComponentBase
{
    private const string AllScopes = "";
    private static readonly int[] PageSizes = [10, 25, 50];

    private MudTable<BudgetProgressView>? _table;
    private AlertHistory? _history;
    private string? _name;
    private string _scope = AllScopes;
    private string? _error;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private async Task<TableData<BudgetProgressView>> LoadAsync(TableState state, CancellationToken _)
    {
        var query = new BudgetQuery(_name, _scope is AllScopes ? null : _scope, state.Page + 1, state.PageSize);
        var outcome = await RunAsync((IBudgetOperations budgets, CancellationToken ct) => budgets.ProgressAsync(query, ct));
        _error = outcome.Failure?.Detail;
        return outcome.Succeeded
            ? new TableData<BudgetProgressView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total }
            : new TableData<BudgetProgressView> { Items = [], TotalItems = 0 };
    }

    private Task OnNameChangedAsync(string? name)
    {
        _name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        return ReloadFromFirstPageAsync();
    }

    private Task OnScopeChangedAsync(string scope)
    {
        _scope = scope;
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

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<BudgetDialog>("Create budget", Options);
        if (await dialog.Result is { Canceled: false, Data: BudgetView created })
        {
            Snackbar.Add($"Budget {created.Name} created.", Severity.Success);
            await ReloadAsync();
        }
    }

    /// <summary>Reads the budget first for its ETag: a save over a change made since is refused, not silently lost.</summary>
    private async Task EditAsync(BudgetView budget)
    {
        var current = await RunAsync((IBudgetOperations budgets, CancellationToken ct) => budgets.GetAsync(budget.Id, ct));
        if (!current.Succeeded)
        {
            Snackbar.Add(current.Failure.Detail, Severity.Error);
            await ReloadAsync();
            return;
        }

        var parameters = new DialogParameters<BudgetDialog> { { d => d.Budget, current.Value }, { d => d.ETag, current.ETag } };
        var dialog = await Dialogs.ShowAsync<BudgetDialog>($"Edit {budget.Name}", parameters, Options);
        if (await dialog.Result is { Canceled: false, Data: BudgetView saved })
        {
            Snackbar.Add($"Budget {saved.Name} saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(BudgetView budget)
    {
        if (!await Dialogs.ConfirmAsync(
            $"Delete {budget.Name}?",
            "Its limit stops applying once the data plane reloads (within seconds). Its alert history stays.",
            "Delete"))
        {
            return;
        }

        var outcome = await RunAsync((IBudgetOperations budgets, CancellationToken ct) => budgets.DeleteAsync(budget.Id, null, ct));
        if (outcome.Succeeded)
        {
            Snackbar.Add($"{budget.Name} deleted.", Severity.Success);
            await ReloadAsync();
        }
        else
        {
            Snackbar.Add(outcome.Failure.Detail, Severity.Error);
        }
    }

    private static DialogOptions Options => new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    /// <summary>The history's budget filter lists the budgets, so it reloads with them.</summary>
    private async Task ReloadAsync()
    {
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }

        if (_history is not null)
        {
            await _history.ReloadBudgetsAsync();
        }
    }
}
