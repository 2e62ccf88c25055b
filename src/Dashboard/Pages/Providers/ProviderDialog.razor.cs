using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Providers;

/// <summary>
/// Creates or edits a provider through <see cref="IProviderOperations"/>, validated as the user types
/// with the API's own validator; the operation's refusals (a taken name, a rename while models use
/// it) are shown at their field. Closes with the saved view.
/// </summary>
public sealed partial class ProviderDialog : OperationComponentBase
{
    private ProviderForm _model = new();
    private FormValidation<ProviderForm, ProviderInput> _validation = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<ProviderInput> Validator { get; set; } = default!;

    /// <summary>The provider being edited; null to create one.</summary>
    [Parameter]
    public ProviderView? Existing { get; set; }

    /// <summary>The ETag the provider was read with, so a change made meanwhile is refused rather than overwritten.</summary>
    [Parameter]
    public string? ETag { get; set; }

    private string CredentialHelp => Existing switch
    {
        null => "API key or token; stored encrypted, never shown again. Empty: none.",
        { HasCredential: true } => "A credential is set. Leave empty to keep it; type a new one to replace it.",
        _ => "No credential is set. Leave empty to keep it that way.",
    };

    protected override void OnInitialized()
    {
        _validation = new FormValidation<ProviderForm, ProviderInput>(Validator, form => form.ToInput());
        if (Existing is not null)
        {
            _model = ProviderForm.From(Existing);
        }
    }

    private void Edited(string field) => _validation.ClearServerErrors(field);

    private async Task SubmitAsync()
    {
        if (_form is null)
        {
            return;
        }

        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _saving = true;
        var input = _model.ToInput();
        var (existing, etag) = (Existing, ETag);
        var outcome = existing is null
            ? await RunAsync((IProviderOperations providers, CancellationToken ct) => providers.CreateAsync(input, ct))
            : await RunAsync((IProviderOperations providers, CancellationToken ct) => providers.UpdateAsync(existing.Id, input, etag, ct));
        _saving = false;
        if (outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(outcome.Value));
            return;
        }

        var unplaced = _validation.ShowServerErrors(outcome.Failure.Errors, ProviderForm.Fields);
        _formErrors = outcome.Failure.Errors.Count == 0 ? [outcome.Failure.Detail] : unplaced;
        await _form.ValidateAsync();
    }

    private void Cancel() => Dialog.Cancel();
}
