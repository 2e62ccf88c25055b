using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Budgets;

/// <summary>
/// Whether the tenant's webhook signing secret exists, and, for owners and admins, a rotation that
/// shows the new secret once (<see cref="WebhookSecretDialog"/>); the page never holds it after.
/// </summary>
public sealed partial class WebhookSecretPanel : OperationComponentBase
{
    private WebhookSigningSecretView? _view;
    private string? _error;
    private bool _rotating;

    [Parameter, EditorRequired]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var outcome = await RunAsync((IAlertOperations alerts, CancellationToken ct) => alerts.SigningSecretAsync(ct));
        _view = outcome.Value;
        _error = outcome.Failure?.Detail;
    }

    private async Task RotateAsync()
    {
        if (!await Dialogs.ConfirmAsync(
            "Rotate the webhook signing secret?",
            "Alert webhooks are signed with the new secret from the next delivery: receivers checking the old one reject them until they are given the new one.",
            "Rotate"))
        {
            return;
        }

        _rotating = true;
        var outcome = await RunAsync((IAlertOperations alerts, CancellationToken ct) => alerts.RotateSigningSecretAsync(ct));
        _rotating = false;
        if (!outcome.Succeeded)
        {
            Snackbar.Add(outcome.Failure.Detail, Severity.Error);
            return;
        }

        _view = new WebhookSigningSecretView(true, outcome.Value.SignatureHeader);
        var parameters = new DialogParameters<WebhookSecretDialog> { { d => d.Secret, outcome.Value.Secret } };
        var dialog = await Dialogs.ShowAsync<WebhookSecretDialog>("Secret rotated", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        await dialog.Result;
    }
}
