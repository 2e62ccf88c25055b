using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// The routing dry run (<see cref="IRouteOperations.DryRunAsync"/>): a sample request in, every
/// candidate out with its place in the order or the reasons it is excluded. Open to every role.
/// </summary>
public sealed partial class DryRunPanel : OperationComponentBase
{
    private readonly DryRunForm _form = new();
    private FormValidation<DryRunForm, DryRunInput> _validation = default!;
    private MudForm? _formRef;
    private DryRunResult? _result;
    private string? _error;
    private bool _running;
    private string? _seenTarget;

    [Inject]
    private IValidator<DryRunInput> Validator { get; set; } = default!;

    /// <summary>What the page asks to try (a route picked in the list); fills the model field when it changes.</summary>
    [Parameter]
    public string? Target { get; set; }

    protected override void OnInitialized() =>
        _validation = new FormValidation<DryRunForm, DryRunInput>(Validator, form => form.ToInput());

    protected override void OnParametersSet()
    {
        if (Target != _seenTarget)
        {
            _seenTarget = Target;
            _form.Model = Target ?? _form.Model;
        }
    }

    private async Task RunDryRunAsync()
    {
        if (_formRef is null)
        {
            return;
        }

        await _formRef.ValidateAsync();
        if (!_formRef.IsValid)
        {
            return;
        }

        _running = true;
        _error = null;
        var input = _form.ToInput();
        var outcome = await RunAsync((IRouteOperations routes, CancellationToken ct) => routes.DryRunAsync(input, ct));
        _running = false;
        if (outcome.Succeeded)
        {
            _result = outcome.Value;
            return;
        }

        _result = null;
        var unplaced = _validation.ShowServerErrors(outcome.Failure.Errors, DryRunForm.Fields);
        _error = outcome.Failure.Errors.Count == 0 ? outcome.Failure.Detail : string.Join(" ", unplaced) is { Length: > 0 } rest ? rest : null;
        await _formRef.ValidateAsync();
    }
}
