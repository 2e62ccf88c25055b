using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Providers;

/// <summary>
/// Creates or edits a catalog model through <see cref="IModelOperations"/>, validated as the user
/// types with the API's own validator; the operation's refusals (an unknown provider, a taken name,
/// a change that leaves a route unservable) are shown at their field or above the form.
/// </summary>
public sealed partial class ModelDialog : OperationComponentBase
{
    private ModelForm _model = new();
    private ModelFormErrors _errors = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<ModelInput> Validator { get; set; } = default!;

    /// <summary>The model being edited; null to create one.</summary>
    [Parameter]
    public ModelView? Existing { get; set; }

    /// <summary>The ETag the model was read with, so a change made meanwhile is refused rather than overwritten.</summary>
    [Parameter]
    public string? ETag { get; set; }

    protected override void OnInitialized()
    {
        _errors = new ModelFormErrors(Validator);
        if (Existing is not null)
        {
            _model = ModelForm.From(Existing);
        }
    }

    private void Edited(string field) => _errors.ClearServerErrors(field);

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
            ? await RunAsync((IModelOperations models, CancellationToken ct) => models.CreateAsync(input, ct))
            : await RunAsync((IModelOperations models, CancellationToken ct) => models.UpdateAsync(existing.Id, input, etag, ct));
        _saving = false;
        if (outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(outcome.Value));
            return;
        }

        var unplaced = _errors.ShowServerErrors(outcome.Failure.Errors);
        _formErrors = outcome.Failure.Errors.Count == 0 ? [outcome.Failure.Detail] : unplaced;
        await _form.ValidateAsync();
    }

    private void Cancel() => Dialog.Cancel();
}
