using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Mail;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Members;

/// <summary>
/// Invites someone: validated as the user types with the API's own validator, then created through
/// <see cref="IInvitationOperations"/>; what the operation refuses (already a member, a pending
/// invitation, a role the caller may not grant) is shown at its field or above the form.
/// Closes with the <see cref="InvitationCreated"/>, whose link (when not e-mailed) the page shows once.
/// </summary>
public sealed partial class InviteDialog : OperationComponentBase
{
    private readonly InvitationForm _model = new();
    private FormValidation<InvitationForm, InvitationInput> _validation = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<InvitationInput> Validator { get; set; } = default!;

    /// <summary>The inviter's role: it decides which roles are offered.</summary>
    [Parameter]
    public string? CallerRole { get; set; }

    protected override void OnInitialized() =>
        _validation = new FormValidation<InvitationForm, InvitationInput>(Validator, form => form.ToInput());

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
        _formErrors = [];
        var input = _model.ToInput();
        Outcome<InvitationCreated> outcome;
        try
        {
            outcome = await RunAsync((IInvitationOperations invitations, CancellationToken ct) => invitations.CreateAsync(input, ct));
        }
        catch (EmailDeliveryException)
        {
            _formErrors = ["The invitation e-mail could not be sent (the server log has the reason); nothing was saved. Try again later."];
            return;
        }
        finally
        {
            _saving = false;
        }

        if (outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(outcome.Value));
            return;
        }

        var unplaced = _validation.ShowServerErrors(outcome.Failure.Errors, InvitationForm.Fields);
        _formErrors = outcome.Failure.Errors.Count == 0 ? [outcome.Failure.Detail] : unplaced;
        await _form.ValidateAsync();
    }

    private void Cancel() => Dialog.Cancel();
}
