using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Prompts;

/// <summary>Creates an empty prompt (its content comes as versions); closes with the <see cref="PromptView"/>.</summary>
public sealed partial class PromptDialog : OperationComponentBase
{
    private readonly PromptForm _model = new();
    private FormValidation<PromptForm, PromptInput> _validation = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<PromptInput> Validator { get; set; } = default!;

    protected override void OnInitialized() =>
        _validation = new FormValidation<PromptForm, PromptInput>(Validator, form => form.ToInput());

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
        var outcome = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.CreateAsync(input, ct));
        _saving = false;
        if (outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(outcome.Value));
            return;
        }

        var unplaced = _validation.ShowServerErrors(outcome.Failure.Errors, PromptForm.Fields);
        _formErrors = outcome.Failure.Errors.Count == 0 ? [outcome.Failure.Detail] : unplaced;
        await _form.ValidateAsync();
    }

    private void Cancel() => Dialog.Cancel();
}
