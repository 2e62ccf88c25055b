using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// The tiers of the routes page, a page at a time from <see cref="ITierOperations"/> (the operation
/// <c>/api/v1/tiers</c> runs), each with its models' region, capabilities and prices and the routes
/// on it. A tier routes use cannot be deleted: the page says which routes before asking.
/// </summary>
public sealed partial class TierSection : OperationComponentBase
{
    private const int PageSize = 25;

    private Page<TierView>? _page;
    private IReadOnlyDictionary<Guid, IReadOnlyList<string>> _routes = new Dictionary<Guid, IReadOnlyList<string>>();
    private IReadOnlyDictionary<string, ModelView> _models = new Dictionary<string, ModelView>();
    private int _pageNumber = 1;
    private string? _error;
    private bool _loading;

    [Parameter, EditorRequired]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        var number = _pageNumber;
        var outcome = await RunAsync((ITierOperations tiers, CancellationToken ct) => tiers.ListAsync(null, null, number, PageSize, ct));
        _error = outcome.Failure?.Detail;
        if (outcome.Succeeded)
        {
            _page = outcome.Value;
            var ids = outcome.Value.Items.Select(t => t.Id).ToList();
            if (ids.Count > 0
                && await RunAsync((ITierOperations tiers, CancellationToken ct) => tiers.RoutesUsingAsync(ids, ct)) is { Succeeded: true } routes)
            {
                _routes = routes.Value;
            }

            // One read for every model on the page, so each shows its region, capabilities and prices as a route's chain does.
            var names = outcome.Value.Items.SelectMany(t => t.Models).Select(m => m.Model).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count > 0
                && await RunAsync((IRouteOperations r, CancellationToken ct) => r.ChainModelsAsync(names, ct)) is { Succeeded: true } models)
            {
                _models = models.Value.ToDictionary(m => m.Name, StringComparer.Ordinal);
            }
        }

        _loading = false;
    }

    private IReadOnlyList<string> RoutesOf(TierView tier) => _routes.TryGetValue(tier.Id, out var routes) ? routes : [];

    private Task OnPageChangedAsync(int page)
    {
        _pageNumber = page;
        return LoadAsync();
    }

    private Task CreateAsync() => OpenDialogAsync(null, null, "Create tier");

    /// <summary>Reads the tier afresh for its ETag, so a save over someone else's change is refused, not silent.</summary>
    private async Task EditAsync(TierView tier)
    {
        var outcome = await RunAsync((ITierOperations tiers, CancellationToken ct) => tiers.GetAsync(tier.Id, ct));
        if (!outcome.Succeeded)
        {
            _error = outcome.Failure.Detail;
            return;
        }

        await OpenDialogAsync(outcome.Value, outcome.ETag, $"Edit tier {tier.Name}");
    }

    private async Task OpenDialogAsync(TierView? existing, string? etag, string title)
    {
        var parameters = new DialogParameters<TierDialog> { { d => d.Existing, existing }, { d => d.ETag, etag } };
        var dialog = await Dialogs.ShowAsync<TierDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: TierView saved })
        {
            Snackbar.Add($"Tier {saved.Name} saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(TierView tier)
    {
        var routes = RoutesOf(tier);
        if (routes.Count > 0)
        {
            // The operation refuses it too; saying so before asking spares a pointless confirmation.
            await Dialogs.InformAsync(
                $"Tier {tier.Name} is in use",
                $"Routes {string.Join(", ", routes)} are on this tier. Move them to another tier or to candidates first, then delete it.");
            return;
        }

        if (!await Dialogs.ConfirmAsync(
            $"Delete tier {tier.Name}?",
            "The tier is removed; the audit log keeps what it was.",
            "Delete"))
        {
            return;
        }

        var outcome = await RunAsync((ITierOperations tiers, CancellationToken ct) => tiers.DeleteAsync(tier.Id, null, ct));
        if (outcome.Succeeded)
        {
            Snackbar.Add($"Tier {tier.Name} deleted.", Severity.Success);
            await LoadAsync();
        }
        else
        {
            // A budget's downgrade tier, or a route added since the page loaded: the operation's reason names it.
            _error = outcome.Failure.Detail;
        }
    }
}
