using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;
using RouteView = Platform.Shared.Management.RouteView;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// Creates or edits a route through <see cref="IRouteOperations"/>, validated as the user types with
/// the API's own validator; the operation's whole-route refusals (an unknown model or policy, a
/// chain no model of which meets the constraints) are shown at their fields. Closes with the saved view.
/// </summary>
public sealed partial class RouteDialog : OperationComponentBase
{
    private RouteForm _model = new();
    private RouteFormErrors _errors = default!;
    private MudForm? _form;
    private IReadOnlyList<string> _formErrors = [];
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IValidator<RouteInput> Validator { get; set; } = default!;

    /// <summary>The route being edited; null to create one.</summary>
    [Parameter]
    public RouteView? Existing { get; set; }

    /// <summary>The ETag the route was read with, so a change made meanwhile is refused rather than overwritten.</summary>
    [Parameter]
    public string? ETag { get; set; }

    protected override void OnInitialized()
    {
        _errors = new RouteFormErrors(Validator);
        if (Existing is not null)
        {
            _model = RouteForm.From(Existing);
        }
    }

    private void Edited(string field) => _errors.ClearServerErrors(field);

    private void CandidatesChanged()
    {
        _errors.ClearServerErrors(nameof(RouteForm.Candidates));
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
        if (!_form.IsValid || _errors.CandidateErrors(_model, null).Count > 0
            || Enumerable.Range(0, _model.Candidates.Count).Any(i => _errors.CandidateErrors(_model, i).Count > 0))
        {
            return;
        }

        _saving = true;
        var input = _model.ToInput();
        var (existing, etag) = (Existing, ETag);
        var outcome = existing is null
            ? await RunAsync((IRouteOperations routes, CancellationToken ct) => routes.CreateAsync(input, ct))
            : await RunAsync((IRouteOperations routes, CancellationToken ct) => routes.UpdateAsync(existing.Id, input, etag, ct));
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
