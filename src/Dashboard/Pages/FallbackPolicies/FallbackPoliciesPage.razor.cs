using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.FallbackPolicies;

/// <summary>
/// <c>/fallback-policies</c>: each policy of the tenant as a readable error-class matrix with its
/// timeouts, retries, circuit breaker, degraded answer and the routes that use it, a page at a time
/// from <see cref="IFallbackPolicyOperations"/> (the operation <c>/api/v1/fallback-policies</c> runs).
/// Owners and admins create, edit and delete; a policy routes use cannot be deleted, and says why.
/// </summary>
public sealed partial class FallbackPoliciesPage : OperationComponentBase
{
    private const int PageSize = 10;

    private Page<FallbackPolicyView>? _page;
    private IReadOnlyDictionary<Guid, IReadOnlyList<string>> _routes = new Dictionary<Guid, IReadOnlyList<string>>();
    private int _pageNumber = 1;
    private string? _name;
    private string? _error;
    private bool _loading;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        var (name, number) = (_name, _pageNumber);
        var outcome = await RunAsync((IFallbackPolicyOperations policies, CancellationToken ct) => policies.ListAsync(name, number, PageSize, ct));
        _error = outcome.Failure?.Detail;
        if (outcome.Succeeded)
        {
            _page = outcome.Value;
            var ids = outcome.Value.Items.Select(p => p.Id).ToList();
            if (ids.Count > 0
                && await RunAsync((IFallbackPolicyOperations policies, CancellationToken ct) => policies.RoutesUsingAsync(ids, ct)) is { Succeeded: true } routes)
            {
                _routes = routes.Value;
            }
        }

        _loading = false;
    }

    private IReadOnlyList<string> RoutesOf(FallbackPolicyView policy) => _routes.TryGetValue(policy.Id, out var routes) ? routes : [];

    private Task OnNameChangedAsync(string? name)
    {
        _name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();

        // A new filter starts at the first page: page 3 of the old result means nothing for the new one.
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task OnPageChangedAsync(int page)
    {
        _pageNumber = page;
        return LoadAsync();
    }

    private Task CreateAsync() => OpenDialogAsync(null, null, "Create fallback policy");

    /// <summary>Reads the policy afresh for its ETag, so a save over someone else's change is refused, not silent.</summary>
    private async Task EditAsync(FallbackPolicyView policy)
    {
        var outcome = await RunAsync((IFallbackPolicyOperations policies, CancellationToken ct) => policies.GetAsync(policy.Id, ct));
        if (!outcome.Succeeded)
        {
            _error = outcome.Failure.Detail;
            return;
        }

        await OpenDialogAsync(outcome.Value, outcome.ETag, $"Edit {policy.Name}");
    }

    private async Task OpenDialogAsync(FallbackPolicyView? existing, string? etag, string title)
    {
        var parameters = new DialogParameters<FallbackPolicyDialog> { { d => d.Existing, existing }, { d => d.ETag, etag } };
        var dialog = await Dialogs.ShowAsync<FallbackPolicyDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: FallbackPolicyView saved })
        {
            Snackbar.Add($"Fallback policy {saved.Name} saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(FallbackPolicyView policy)
    {
        var routes = RoutesOf(policy);
        if (routes.Count > 0)
        {
            // The operation refuses it too; saying so before asking spares a pointless confirmation.
            await Dialogs.InformAsync(
                $"{policy.Name} is in use",
                $"Routes {string.Join(", ", routes)} use this policy. Give them another policy (or none) first, then delete it.");
            return;
        }

        if (!await Dialogs.ConfirmAsync(
            $"Delete {policy.Name}?",
            "The policy is removed; the audit log keeps what it was.",
            "Delete"))
        {
            return;
        }

        var outcome = await RunAsync((IFallbackPolicyOperations policies, CancellationToken ct) => policies.DeleteAsync(policy.Id, null, ct));
        if (outcome.Succeeded)
        {
            Snackbar.Add($"{policy.Name} deleted.", Severity.Success);
            await LoadAsync();
        }
        else
        {
            // A route may have started using it since the page loaded: the operation's reason names it.
            _error = outcome.Failure.Detail;
        }
    }

    private static string Ms(int milliseconds) =>
        milliseconds >= 1000 && milliseconds % 100 == 0
            ? (milliseconds / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " s"
            : milliseconds.ToString(CultureInfo.InvariantCulture) + " ms";

    private static string Degraded(DegradedSettings degraded) => degraded.Mode switch
    {
        "fixedText" => $"fixed text: “{degraded.Text}”",
        "cachedAnswer" => "the last cached answer",
        _ => "none (the last error)",
    };
}
