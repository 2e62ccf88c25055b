using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Config;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Prompts;

/// <summary>
/// Writes the next version of a prompt, starting from a copy of the latest. The shared validator
/// checks it as the API does; message errors (per message, not per field) are listed above the form.
/// Closes with the new <see cref="PromptVersionView"/>.
/// </summary>
public sealed partial class PromptVersionDialog : OperationComponentBase
{
    private static readonly IReadOnlyList<string> Roles = ConfigVocabulary.MessageRoles;

    private PromptVersionForm _model = new();
    private FormValidation<PromptVersionForm, PromptVersionInput> _validation = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid PromptId { get; set; }

    /// <summary>The version the form starts from; null for an empty form.</summary>
    [Parameter]
    public PromptVersionView? Start { get; set; }

    [Inject]
    private IValidator<PromptVersionInput> Validator { get; set; } = default!;

    protected override void OnInitialized()
    {
        _model = Start is null ? new PromptVersionForm() : PromptVersionForm.From(Start);
        _validation = new FormValidation<PromptVersionForm, PromptVersionInput>(Validator, form => form.ToInput());
    }

    private async Task SubmitAsync()
    {
        if (_form is null)
        {
            return;
        }

        var input = _model.ToInput();
        var result = await Validator.ValidateAsync(input);
        _formErrors = [.. result.Errors.Where(e => !PromptVersionForm.Fields.Contains(FormFields.Of(e.PropertyName))).Select(e => Where(e.PropertyName) + e.ErrorMessage)];
        await _form.ValidateAsync();
        if (!_form.IsValid || _formErrors.Count > 0)
        {
            return;
        }

        _saving = true;
        var outcome = await RunAsync((IPromptOperations prompts, CancellationToken ct) => prompts.CreateVersionAsync(PromptId, input, ct));
        _saving = false;
        if (outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(outcome.Value));
            return;
        }

        var unplaced = _validation.ShowServerErrors(outcome.Failure.Errors, PromptVersionForm.Fields);
        _formErrors = outcome.Failure.Errors.Count == 0 ? [outcome.Failure.Detail] : unplaced;
        await _form.ValidateAsync();
    }

    /// <summary><c>Messages[1].Content</c> reads "Message 2: ..." (people count from one).</summary>
    private static string Where(string propertyPath)
    {
        var open = propertyPath.IndexOf('[', StringComparison.Ordinal);
        var close = propertyPath.IndexOf(']', StringComparison.Ordinal);
        return open > 0 && close > open && int.TryParse(propertyPath[(open + 1)..close], out var index) ? $"Message {index + 1}: " : "";
    }

    private void Cancel() => Dialog.Cancel();
}
