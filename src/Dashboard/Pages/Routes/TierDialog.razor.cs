using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// Creates or edits a tier through <see cref="ITierOperations"/>, validated with the API's own
/// validator; the operation's refusals (a model not in the catalog, a route the change would leave
/// unservable, a row changed meanwhile) show at their field or above the form. Closes with the saved view.
/// </summary>
public sealed partial class TierDialog : OperationComponentBase
{
    private TierForm _model = new();
    private TierFormErrors _errors = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<TierInput> Validator { get; set; } = default!;

    /// <summary>The tier being edited; null to create one.</summary>
    [Parameter]
    public TierView? Existing { get; set; }

    /// <summary>The ETag the tier was read with, so a change made meanwhile is refused rather than overwritten.</summary>
    [Parameter]
    public string? ETag { get; set; }

    protected override void OnInitialized()
    {
        _errors = new TierFormErrors(Validator);
        if (Existing is not null)
        {
            _model = TierForm.From(Existing);
        }
    }

    private void ModelsChanged()
    {
        _errors.ClearServerErrors(nameof(TierForm.Models));
        StateHasChanged();
    }

    private async Task SubmitAsync()
    {
        if (_form is null)
        {
            return;
        }

        _errors.Submitted = true;
        await _form.ValidateAsync();
        if (!_form.IsValid || Enumerable.Range(-1, _model.Models.Count + 1).Any(i => _errors.ModelErrors(_model, i < 0 ? null : i).Count > 0))
        {
            return;
        }

        _saving = true;
        var input = _model.ToInput();
        var (existing, etag) = (Existing, ETag);
        var outcome = existing is null
            ? await RunAsync((ITierOperations tiers, CancellationToken ct) => tiers.CreateAsync(input, ct))
            : await RunAsync((ITierOperations tiers, CancellationToken ct) => tiers.UpdateAsync(existing.Id, input, etag, ct));
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
