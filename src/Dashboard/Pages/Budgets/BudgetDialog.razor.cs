using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Config;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Budgets;

/// <summary>
/// Creates a budget, or edits <see cref="Budget"/>: validated as the user types with the API's own
/// validator, then saved through <see cref="IBudgetOperations"/>; what the operation refuses (a taken
/// name, a tier or key that does not exist, a budget changed meanwhile) is shown at its field or on top.
/// Closes with the saved <see cref="BudgetView"/>.
/// </summary>
public sealed partial class BudgetDialog : OperationComponentBase
{
    private static readonly IReadOnlyList<string> Periods = ConfigVocabulary.Periods.Names;

    private BudgetForm _model = new();
    private FormValidation<BudgetForm, BudgetInput> _validation = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<BudgetInput> Validator { get; set; } = default!;

    /// <summary>The budget to edit; null to create one.</summary>
    [Parameter]
    public BudgetView? Budget { get; set; }

    /// <summary>The edited budget's ETag as read, so a save over someone else's change is refused, not lost.</summary>
    [Parameter]
    public string? ETag { get; set; }

    protected override void OnInitialized()
    {
        _model = Budget is null ? new BudgetForm() : BudgetForm.From(Budget);
        _validation = new FormValidation<BudgetForm, BudgetInput>(Validator, form => form.ToInput());
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
        var (id, etag) = (Budget?.Id, ETag);
        var outcome = id is { } existing
            ? await RunAsync((IBudgetOperations budgets, CancellationToken ct) => budgets.UpdateAsync(existing, input, etag, ct))
            : await RunAsync((IBudgetOperations budgets, CancellationToken ct) => budgets.CreateAsync(input, ct));
        _saving = false;
        if (outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(outcome.Value));
            return;
        }

        var unplaced = _validation.ShowServerErrors(outcome.Failure.Errors, BudgetForm.Fields);
        _formErrors = outcome.Failure.Errors.Count == 0 ? [outcome.Failure.Detail] : unplaced;
        await _form.ValidateAsync();
    }

    private void Cancel() => Dialog.Cancel();
}
