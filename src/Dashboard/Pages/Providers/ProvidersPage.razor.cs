using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Providers;

/// <summary>
/// <c>/providers</c>: providers and the model catalog, each a page at a time from
/// <see cref="IProviderOperations"/> and <see cref="IModelOperations"/> (the operations the API's
/// <c>/api/v1/providers</c> and <c>/api/v1/models</c> run), with each row's health over the chosen
/// window from <see cref="IProviderOperations.HealthAsync"/>. Owners and admins add, edit, delete and
/// test connections; other roles read, and the operations refuse their writes anyway.
/// </summary>
public sealed partial class ProvidersPage : OperationComponentBase
{
    private const string AllProviders = "";
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private static readonly CircuitView ClosedInferred = new("closed", Inferred: true, Since: null);

    private static readonly IReadOnlyList<(string Key, string Label)> Windows =
        [("15m", "Last 15 minutes"), ("1h", "Last hour"), ("24h", "Last 24 hours")];

    private readonly Dictionary<Guid, ProviderTestResult> _tests = [];
    private readonly HashSet<Guid> _testing = [];
    private MudTable<ProviderView>? _providers;
    private MudTable<ModelView>? _models;
    private string _window = "15m";
    private CatalogHealthView? _health;
    private bool _healthLoading;
    private string? _healthError;
    private string? _providersError;
    private string? _modelsError;
    private IReadOnlyList<string> _providerNames = [];
    private string _providerFilter = AllProviders;
    private string? _modelName;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await Task.WhenAll(LoadHealthAsync(), LoadProviderNamesAsync());
    }

    private ProviderHealthView? ProviderHealth(ProviderView provider) =>
        _health?.Providers.FirstOrDefault(p => p.Provider == provider.Name);

    private ModelHealthView? ModelHealth(ModelView model) =>
        _health?.Models.FirstOrDefault(m => m.Provider == model.Provider && m.UpstreamId == model.UpstreamId);

    /// <summary>A model without recent attempts reads as closed, as the health read says for one with a few; unknown until health loaded.</summary>
    private CircuitView? ModelCircuit(ModelHealthView? health) =>
        health?.Circuit ?? (_health is null ? null : ClosedInferred);

    private async Task LoadHealthAsync()
    {
        _healthLoading = true;
        var query = new CatalogHealthQuery(_window);
        var outcome = await RunAsync((IProviderOperations providers, CancellationToken ct) => providers.HealthAsync(query, ct));
        _healthLoading = false;
        _health = outcome.Value;
        _healthError = outcome.Failure?.Detail;
    }

    /// <summary>The provider filter's choices: a tenant has tens of providers, not thousands, so one page of the largest size.</summary>
    private async Task LoadProviderNamesAsync()
    {
        var query = new ProviderQuery(PageSize: Paging.MaxPageSize);
        var outcome = await RunAsync((IProviderOperations providers, CancellationToken ct) => providers.ListAsync(query, ct));
        _providerNames = outcome.Succeeded ? [.. outcome.Value.Items.Select(p => p.Name)] : [];
    }

    private async Task OnWindowChangedAsync(string window)
    {
        _window = window;
        await LoadHealthAsync();
    }

    private async Task<TableData<ProviderView>> LoadProvidersAsync(TableState state, CancellationToken _)
    {
        var query = new ProviderQuery(Page: state.Page + 1, PageSize: state.PageSize);
        var outcome = await RunAsync((IProviderOperations providers, CancellationToken ct) => providers.ListAsync(query, ct));
        if (!outcome.Succeeded)
        {
            _providersError = outcome.Failure.Detail;
            return new TableData<ProviderView> { Items = [], TotalItems = 0 };
        }

        return new TableData<ProviderView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total };
    }

    private async Task<TableData<ModelView>> LoadModelsAsync(TableState state, CancellationToken _)
    {
        var query = new ModelQuery(
            Provider: _providerFilter is AllProviders ? null : _providerFilter, Name: _modelName, Page: state.Page + 1, PageSize: state.PageSize);
        var outcome = await RunAsync((IModelOperations models, CancellationToken ct) => models.ListAsync(query, ct));
        if (!outcome.Succeeded)
        {
            _modelsError = outcome.Failure.Detail;
            return new TableData<ModelView> { Items = [], TotalItems = 0 };
        }

        return new TableData<ModelView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total };
    }

    private Task OnProviderFilterChangedAsync(string provider)
    {
        _providerFilter = provider;
        return ReloadModelsFromFirstPageAsync();
    }

    private Task OnModelNameChangedAsync(string? name)
    {
        _modelName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        return ReloadModelsFromFirstPageAsync();
    }

    /// <summary>A new filter starts at the first page: page 3 of the old result means nothing for the new one.</summary>
    private async Task ReloadModelsFromFirstPageAsync()
    {
        if (_models is null)
        {
            return;
        }

        if (_models.CurrentPage != 0)
        {
            _models.NavigateTo(0);
        }
        else
        {
            await _models.ReloadServerData();
        }
    }

    private async Task TestAsync(ProviderView provider)
    {
        _testing.Add(provider.Id);
        _tests.Remove(provider.Id);
        var outcome = await RunAsync((IProviderOperations providers, CancellationToken ct) => providers.TestAsync(provider.Id, ct));
        _testing.Remove(provider.Id);
        if (outcome.Succeeded)
        {
            _tests[provider.Id] = outcome.Value;
        }
        else
        {
            Snackbar.Add(outcome.Failure.Detail, Severity.Error);
        }
    }

    private async Task CreateProviderAsync()
    {
        if (await ShowAsync<ProviderDialog, ProviderView>("Add provider", null) is { } created)
        {
            Snackbar.Add($"Provider {created.Name} added.", Severity.Success);
            await ProvidersChangedAsync();
        }
    }

    /// <summary>Reads the provider afresh for its ETag, so a save over someone else's change is refused, not silent.</summary>
    private async Task EditProviderAsync(ProviderView provider)
    {
        var read = await RunAsync((IProviderOperations providers, CancellationToken ct) => providers.GetAsync(provider.Id, ct));
        if (!read.Succeeded)
        {
            _providersError = read.Failure.Detail;
            return;
        }

        var parameters = new DialogParameters<ProviderDialog> { { d => d.Existing, read.Value }, { d => d.ETag, read.ETag } };
        if (await ShowAsync<ProviderDialog, ProviderView>($"Edit {read.Value.Name}", parameters) is { } saved)
        {
            Snackbar.Add($"Provider {saved.Name} saved.", Severity.Success);
            await ProvidersChangedAsync();
        }
    }

    private async Task DeleteProviderAsync(ProviderView provider)
    {
        if (!await Dialogs.ConfirmAsync(
            $"Delete {provider.Name}?",
            "The provider and its stored credential are removed. A provider that models still use cannot be deleted.",
            "Delete"))
        {
            return;
        }

        var outcome = await RunAsync((IProviderOperations providers, CancellationToken ct) => providers.DeleteAsync(provider.Id, null, ct));
        _providersError = outcome.Failure?.Detail;
        if (outcome.Succeeded)
        {
            Snackbar.Add($"Provider {provider.Name} deleted.", Severity.Success);
            _tests.Remove(provider.Id);
            await ProvidersChangedAsync();
        }
    }

    private async Task CreateModelAsync()
    {
        if (await ShowAsync<ModelDialog, ModelView>("Add model", null) is { } created)
        {
            Snackbar.Add($"Model {created.Name} added.", Severity.Success);
            await ReloadModelsAsync();
        }
    }

    /// <summary>Reads the model afresh for its ETag, as <see cref="EditProviderAsync"/> does.</summary>
    private async Task EditModelAsync(ModelView model)
    {
        var read = await RunAsync((IModelOperations models, CancellationToken ct) => models.GetAsync(model.Id, ct));
        if (!read.Succeeded)
        {
            _modelsError = read.Failure.Detail;
            return;
        }

        var parameters = new DialogParameters<ModelDialog> { { d => d.Existing, read.Value }, { d => d.ETag, read.ETag } };
        if (await ShowAsync<ModelDialog, ModelView>($"Edit {read.Value.Name}", parameters) is { } saved)
        {
            Snackbar.Add($"Model {saved.Name} saved.", Severity.Success);
            await ReloadModelsAsync();
        }
    }

    private async Task DeleteModelAsync(ModelView model)
    {
        if (!await Dialogs.ConfirmAsync(
            $"Delete {model.Name}?",
            "The model and its price history are removed; recorded calls keep their cost. A model that tiers, routes or API keys use cannot be deleted.",
            "Delete"))
        {
            return;
        }

        var outcome = await RunAsync((IModelOperations models, CancellationToken ct) => models.DeleteAsync(model.Id, null, ct));
        _modelsError = outcome.Failure?.Detail;
        if (outcome.Succeeded)
        {
            Snackbar.Add($"Model {model.Name} deleted.", Severity.Success);
            await ReloadModelsAsync();
        }
    }

    private async Task PricesAsync(ModelView model)
    {
        var parameters = new DialogParameters<PriceHistoryDialog> { { d => d.ModelId, model.Id } };
        await Dialogs.ShowAsync<PriceHistoryDialog>($"Prices of {model.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
    }

    private async Task<TValue?> ShowAsync<TDialog, TValue>(string title, DialogParameters<TDialog>? parameters)
        where TDialog : IComponent
        where TValue : class
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters ?? new DialogParameters<TDialog>(), options);
        return await dialog.Result is { Canceled: false, Data: TValue value } ? value : null;
    }

    /// <summary>The model table shows provider names and the filter lists them: both follow a provider change.</summary>
    private async Task ProvidersChangedAsync()
    {
        await LoadProviderNamesAsync();
        if (_providers is not null)
        {
            await _providers.ReloadServerData();
        }

        await ReloadModelsAsync();
    }

    private Task ReloadModelsAsync() => _models?.ReloadServerData() ?? Task.CompletedTask;
}
