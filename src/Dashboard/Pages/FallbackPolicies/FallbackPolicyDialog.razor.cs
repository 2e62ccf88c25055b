using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.FallbackPolicies;

/// <summary>
/// Creates or edits a fallback policy through <see cref="IFallbackPolicyOperations"/>, validated as
/// the user types with the API's own validator; what the operation refuses (a taken name, a row
/// changed meanwhile) shows at its field or above the form. Closes with the saved view.
/// </summary>
public sealed partial class FallbackPolicyDialog : OperationComponentBase
{
    private const string Field = "flex: 1 1 160px;";

    private FallbackPolicyForm _model = new();
    private FallbackPolicyFormErrors _errors = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<FallbackPolicyInput> Validator { get; set; } = default!;

    /// <summary>The policy being edited; null to create one.</summary>
    [Parameter]
    public FallbackPolicyView? Existing { get; set; }

    /// <summary>The ETag the page read the policy with, so a change made meanwhile is refused rather than overwritten.</summary>
    [Parameter]
    public string? ETag { get; set; }

    protected override void OnInitialized()
    {
        _errors = new FallbackPolicyFormErrors(Validator);
        if (Existing is not null)
        {
            _model = FallbackPolicyForm.From(Existing);
        }
    }

    private void Edited(string field) => _errors.ClearServerErrors(field);

    private void SetRow(string errorClass, ErrorClassBehaviour behaviour)
    {
        _model.Rows[errorClass] = behaviour;
        _errors.ClearServerErrors(nameof(FallbackPolicyForm.Rows));
    }

    private async Task SubmitAsync()
    {
        if (_form is null)
        {
            return;
        }

        await _form.ValidateAsync();
        if (!_form.IsValid || _errors.MatrixErrors(_model).Count > 0)
        {
            return;
        }

        _saving = true;
        var input = _model.ToInput();
        var existing = Existing;
        var etag = ETag;
        var outcome = existing is null
            ? await RunAsync((IFallbackPolicyOperations policies, CancellationToken ct) => policies.CreateAsync(input, ct))
            : await RunAsync((IFallbackPolicyOperations policies, CancellationToken ct) => policies.UpdateAsync(existing.Id, input, etag, ct));
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
