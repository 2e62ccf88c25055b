using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Prompts;

/// <summary><c>/prompts</c>: the registry's prompts with their latest version and where each label points.</summary>
public sealed partial class PromptsPage : OperationComponentBase
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudTable<PromptView>? _table;
    private string? _name;
    private string? _error;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private async Task<TableData<PromptView>> LoadAsync(TableState state, CancellationToken _)
    {
        var query = new PromptQuery(_name, state.Page + 1, state.PageSize);
        var outcome = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.ListAsync(query, ct));
        _error = outcome.Failure?.Detail;
        return outcome.Succeeded
            ? new TableData<PromptView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total }
            : new TableData<PromptView> { Items = [], TotalItems = 0 };
    }

    private async Task OnNameChangedAsync(string? name)
    {
        _name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (_table is null)
        {
            return;
        }

        // A new filter starts at the first page: page 3 of the old result means nothing for the new one.
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
        var dialog = await Dialogs.ShowAsync<PromptDialog>("Create prompt", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: PromptView created })
        {
            Navigation.NavigateTo($"/prompts/{created.Id}");
        }
    }
}
