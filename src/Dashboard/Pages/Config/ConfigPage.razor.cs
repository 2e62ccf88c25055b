using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Config;

/// <summary>
/// <c>/config</c>: the tenant's config-as-code file through <see cref="IConfigOperations"/> (the
/// operation <c>/api/v1/config</c> runs). Every role sees and downloads the export; owners and admins
/// paste or load a file, preview its changes as a per-object diff, and apply it after confirming
/// how many changes it makes. A file's errors are listed with their line and column.
/// </summary>
public sealed partial class ConfigPage : OperationComponentBase
{
    /// <summary>The API's own limit on a file (characters); a bigger upload is refused here before it is read whole.</summary>
    private const int MaxFileBytes = 4 << 20;

    /// <summary>The key of a refusal about the file as a whole (empty, no tenant), not about a place in it.</summary>
    private const string NoFile = "yaml";

    private string? _exported;
    private string _draft = "";
    private ConfigChangesView? _preview;
    private string? _previewed;
    private ConfigApplied? _applied;
    private IReadOnlyList<(string Location, string Message)> _fileErrors = [];
    private string? _error;
    private bool _loading;
    private bool _busy;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private string FileName => $"{User.Tenant?.Slug ?? "tenant"}.yaml";

    /// <summary>The export as a data URL: the browser saves exactly what the page shows, with no second request.</summary>
    private string DownloadHref => "data:text/yaml;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(_exported ?? ""));

    protected override Task OnInitializedAsync() => ExportAsync();

    private async Task ExportAsync()
    {
        _loading = true;
        var outcome = await RunAsync((IConfigOperations config, CancellationToken ct) => config.ExportAsync(ct));
        _loading = false;
        if (outcome.Succeeded)
        {
            _exported = outcome.Value;
        }
        else
        {
            _error = outcome.Failure.Detail;
        }
    }

    private void StartFromExport() => OnDraftChanged(_exported ?? "");

    /// <summary>A preview stands for the text it was made from: any edit asks for a new one before Apply.</summary>
    private void OnDraftChanged(string? text)
    {
        _draft = text ?? "";
        if (_draft != _previewed)
        {
            _preview = null;
        }
    }

    private async Task LoadFileAsync(InputFileChangeEventArgs e)
    {
        if (e.File.Size > MaxFileBytes)
        {
            _error = $"{e.File.Name} is larger than a config file may be ({MaxFileBytes / (1 << 20)} MB).";
            return;
        }

        using var reader = new StreamReader(e.File.OpenReadStream(MaxFileBytes), Encoding.UTF8);
        OnDraftChanged(await reader.ReadToEndAsync());
        _error = null;
    }

    private async Task PreviewAsync()
    {
        _busy = true;
        _applied = null;
        var yaml = _draft;
        var outcome = await RunAsync((IConfigOperations config, CancellationToken ct) => config.PreviewAsync(yaml, ct));
        _busy = false;
        Show(outcome.Failure);
        (_preview, _previewed) = outcome.Succeeded ? (outcome.Value, yaml) : (null, null);
    }

    private async Task ApplyAsync()
    {
        if (_preview is null || _previewed is null)
        {
            return;
        }

        if (!await Dialogs.ConfirmAsync(
            $"Apply {Changes(_preview.Changes.Count)}?",
            "The tenant's configuration changes as previewed; the data plane picks it up within seconds. The audit log keeps every change.",
            "Apply"))
        {
            return;
        }

        _busy = true;
        var yaml = _previewed;
        var outcome = await RunAsync((IConfigOperations config, CancellationToken ct) => config.ApplyAsync(yaml, ct));
        _busy = false;
        Show(outcome.Failure);
        if (outcome.Succeeded)
        {
            _applied = outcome.Value;
            (_preview, _previewed) = (null, null);
            await ExportAsync();
        }
    }

    /// <summary>A file's errors are keyed by where they are (see <see cref="IConfigOperations"/>); any other refusal is its detail.</summary>
    private void Show(Failure? failure)
    {
        _fileErrors = failure is { Status: OutcomeStatus.Invalid }
            ? [.. failure.Errors.Where(e => e.Key != NoFile).SelectMany(e => e.Value.Select(m => (e.Key, m)))]
            : [];
        _error = failure is null || _fileErrors.Count > 0 ? null
            : failure.Errors.TryGetValue(NoFile, out var messages) ? messages[0]
            : failure.Detail;
    }

    private static string Changes(int count) => count == 1 ? "1 change" : $"{count} changes";
}
