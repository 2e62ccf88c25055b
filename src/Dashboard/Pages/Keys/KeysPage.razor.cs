using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Keys;

/// <summary>
/// <c>/keys</c>: the tenant's data-plane keys, a page at a time from <see cref="IApiKeyOperations"/>
/// (the operation the API's <c>/api/v1/keys</c> runs). Owners and admins create, rotate and revoke;
/// other roles see the list only, and the operation refuses their writes anyway.
/// </summary>
public sealed partial class KeysPage : OperationComponentBase
{
    private const string AllStatuses = "";
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudTable<ApiKeyView>? _table;
    private string? _name;
    private string _status = AllStatuses;
    private string? _error;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    private async Task<TableData<ApiKeyView>> LoadAsync(TableState state, CancellationToken _)
    {
        var query = new ApiKeyQuery(_name, _status is AllStatuses ? null : _status, state.Page + 1, state.PageSize);
        var outcome = await RunAsync((IApiKeyOperations keys, CancellationToken ct) => keys.ListAsync(query, ct));
        _error = outcome.Failure?.Detail;
        return outcome.Succeeded
            ? new TableData<ApiKeyView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total }
            : new TableData<ApiKeyView> { Items = [], TotalItems = 0 };
    }

    private Task OnNameChangedAsync(string? name)
    {
        _name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        return ReloadFromFirstPageAsync();
    }

    private Task OnStatusChangedAsync(string status)
    {
        _status = status;
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
        var dialog = await Dialogs.ShowAsync<ApiKeyDialog>("Create API key", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: ApiKeyWithSecret created })
        {
            await ShowSecretAsync(created, "Key created");
        }
    }

    private async Task RotateAsync(ApiKeyView key)
    {
        if (!await Dialogs.ConfirmAsync(
            $"Rotate {key.Name}?",
            "A new secret replaces the current one. Applications using the current secret stop working once the data plane reloads (within seconds).",
            "Rotate"))
        {
            return;
        }

        var outcome = await RunAsync((IApiKeyOperations keys, CancellationToken ct) => keys.RotateAsync(key.Id, null, ct));
        if (outcome.Succeeded)
        {
            await ShowSecretAsync(outcome.Value, "Key rotated");
        }
        else
        {
            Snackbar.Add(outcome.Failure.Detail, Severity.Error);
        }
    }

    private async Task RevokeAsync(ApiKeyView key)
    {
        if (!await Dialogs.ConfirmAsync(
            $"Revoke {key.Name}?",
            "Calls with this key are refused once the data plane reloads (within seconds). A revoked key cannot be restored.",
            "Revoke"))
        {
            return;
        }

        var outcome = await RunAsync((IApiKeyOperations keys, CancellationToken ct) => keys.RevokeAsync(key.Id, null, ct));
        if (outcome.Succeeded)
        {
            Snackbar.Add($"{key.Name} revoked.", Severity.Success);
            await ReloadAsync();
        }
        else
        {
            Snackbar.Add(outcome.Failure.Detail, Severity.Error);
        }
    }

    /// <summary>The secret lives only in the dialog: once it closes, nothing on the page holds it.</summary>
    private async Task ShowSecretAsync(ApiKeyWithSecret created, string title)
    {
        var parameters = new DialogParameters<SecretDialog> { { d => d.Created, created } };
        var dialog = await Dialogs.ShowAsync<SecretDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        await dialog.Result;
        await ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
