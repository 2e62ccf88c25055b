using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Keys;

/// <summary>
/// Creates a key: validated as the user types with the API's own validator, then created through
/// <see cref="IApiKeyOperations"/>; what the operation refuses (a taken name) is shown at its field.
/// Closes with the <see cref="ApiKeyWithSecret"/>, which the page shows once.
/// </summary>
public sealed partial class ApiKeyDialog : OperationComponentBase
{
    private readonly ApiKeyForm _model = new();
    private FormValidation<ApiKeyForm, ApiKeyInput> _validation = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<ApiKeyInput> Validator { get; set; } = default!;

    protected override void OnInitialized() =>
        _validation = new FormValidation<ApiKeyForm, ApiKeyInput>(Validator, form => form.ToInput());

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
        var outcome = await RunAsync((IApiKeyOperations keys, CancellationToken ct) => keys.CreateAsync(input, ct));
        _saving = false;
        if (outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(outcome.Value));
            return;
        }

        var unplaced = _validation.ShowServerErrors(outcome.Failure.Errors, ApiKeyForm.Fields);
        _formErrors = outcome.Failure.Errors.Count == 0 ? [outcome.Failure.Detail] : unplaced;
        await _form.ValidateAsync();
    }

    private void Cancel() => Dialog.Cancel();
}
