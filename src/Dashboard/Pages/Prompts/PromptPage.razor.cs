using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Prompts;

/// <summary>
/// <c>/prompts/{id}</c>: one prompt's release labels (promote, roll back, release, each confirmed
/// first), their history, its versions with the calls each served, a new version, and a diff of any
/// two versions. Everything goes through <see cref="IPromptOperations"/>, as the API does.
/// </summary>
public sealed partial class PromptPage : OperationComponentBase
{
    /// <summary>The versions shown (newest first); the registry keeps every one, but a page of 200 covers real prompts.</summary>
    private const int VersionPage = Paging.MaxPageSize;

    private PromptView? _prompt;
    private List<PromptVersionView> _versions = [];
    private List<PromptLabelMoveView> _history = [];
    private Dictionary<int, long> _calls = [];
    private PromptDiffView? _diff;
    private List<BreadcrumbItem> _crumbs = [new("Prompts", "/prompts")];
    private string _releaseLabel = "production";
    private int _releaseVersion;
    private int _from;
    private int _to;
    private bool _loading = true;
    private string? _error;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string? ReleaseVerb => string.IsNullOrWhiteSpace(_releaseLabel) || _releaseVersion == 0
        ? null
        : LabelMove.Verb(_prompt?.Labels.FirstOrDefault(l => l.Label == _releaseLabel.Trim())?.Version, _releaseVersion);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        var prompt = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.GetAsync(Id, ct));
        if (!prompt.Succeeded)
        {
            _error = prompt.Failure.Detail;
            _loading = false;
            return;
        }

        var versions = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.VersionsAsync(Id, 1, VersionPage, ct));
        var history = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.LabelHistoryAsync(Id, null, 1, 50, ct));
        var calls = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.UsageByVersionAsync(Id, ct));
        _error = versions.Failure?.Detail ?? history.Failure?.Detail ?? calls.Failure?.Detail;
        _prompt = prompt.Value;
        _crumbs = [new("Prompts", "/prompts"), new(prompt.Value.Name, null, disabled: true)];
        _versions = versions.Succeeded ? [.. versions.Value.Items] : [];
        _history = history.Succeeded ? [.. history.Value.Items] : [];
        _calls = calls.Succeeded ? calls.Value.ToDictionary(c => c.Version, c => c.Calls) : [];
        if (_versions.Count > 0 && _releaseVersion == 0)
        {
            _releaseVersion = _versions[0].Version;
        }

        if (_versions.Count > 1 && _diff is null)
        {
            _to = _versions[0].Version;
            _from = _versions[1].Version;
            await DiffAsync();
        }

        _loading = false;
    }

    private string CallsOf(int version) => _calls.TryGetValue(version, out var calls) ? calls.ToString("N0", CultureInfo.InvariantCulture) : "0";

    private static string When(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private Task ReleaseAsync()
    {
        var label = _releaseLabel.Trim();
        return MoveAsync(label, _prompt?.Labels.FirstOrDefault(l => l.Label == label)?.Version, _releaseVersion);
    }

    /// <summary>Every label move is confirmed first: production traffic follows it within seconds.</summary>
    private async Task MoveAsync(string label, int? current, int target)
    {
        if (!await Dialogs.ConfirmAsync(
            LabelMove.Question(label, current, target),
            LabelMove.Consequence(label),
            LabelMove.Verb(current, target) ?? "Move"))
        {
            return;
        }

        var input = new PromptLabelInput { Version = target };
        var outcome = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.SetLabelAsync(Id, label, input, null, ct));
        if (outcome.Succeeded)
        {
            Snackbar.Add($"'{label}' now serves v{target}.", Severity.Success);
            await LoadAsync();
        }
        else
        {
            Snackbar.Add(outcome.Failure.Errors.Count > 0 ? string.Join(" ", outcome.Failure.Errors.SelectMany(e => e.Value)) : outcome.Failure.Detail, Severity.Error);
        }
    }

    private async Task NewVersionAsync()
    {
        var parameters = new DialogParameters<PromptVersionDialog>
        {
            { d => d.PromptId, Id },
            { d => d.Start, _versions.FirstOrDefault() },
        };
        var dialog = await Dialogs.ShowAsync<PromptVersionDialog>("New version", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: PromptVersionView created })
        {
            Snackbar.Add($"Version {created.Version} created. Release it to a label when it is ready.", Severity.Success);
            _diff = null;
            _releaseVersion = created.Version;
            await LoadAsync();
        }
    }

    private Task OnFromChangedAsync(int from)
    {
        _from = from;
        return DiffAsync();
    }

    private Task OnToChangedAsync(int to)
    {
        _to = to;
        return DiffAsync();
    }

    private async Task DiffAsync()
    {
        var outcome = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.DiffAsync(Id, _from, _to, ct));
        _diff = outcome.Value;
        _error = outcome.Failure?.Detail;
    }
}
