using FluentValidation;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.FallbackPolicies;

/// <summary>
/// The policy form's errors, from the shared <see cref="FallbackPolicyInputValidator"/> (the one the
/// API runs) and from the operation (a taken name). Like <see cref="Components.FormValidation{TForm, TInput}"/>,
/// but it places the input's nested paths on the flattened fields (<see cref="FallbackPolicyForm.FieldOf"/>).
/// </summary>
public sealed class FallbackPolicyFormErrors(IValidator<FallbackPolicyInput> validator)
{
    private Dictionary<string, string[]> _server = new(StringComparer.Ordinal);

    /// <summary>For <c>MudForm Validation</c>: called with the form and the field's property name.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validate => ValidateAsync;

    /// <returns>The messages no field shows, for a general alert.</returns>
    public IReadOnlyList<string> ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        _server = errors.GroupBy(e => FallbackPolicyForm.FieldOf(e.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
        return [.. _server.Where(e => !FallbackPolicyForm.Fields.Contains(e.Key)).SelectMany(e => e.Value)];
    }

    public void ClearServerErrors(string field) => _server.Remove(field);

    /// <summary>Errors about the error-class lists, shown under the matrix editor.</summary>
    public IReadOnlyList<string> MatrixErrors(FallbackPolicyForm form) =>
        [.. Messages(validator.Validate(form.ToInput()), nameof(FallbackPolicyForm.Rows))];

    private async Task<IEnumerable<string>> ValidateAsync(object model, string property) =>
        Messages(await validator.ValidateAsync(((FallbackPolicyForm)model).ToInput()), property);

    private List<string> Messages(FluentValidation.Results.ValidationResult result, string property)
    {
        var messages = result.Errors.Where(e => FallbackPolicyForm.FieldOf(e.PropertyName) == property).Select(e => e.ErrorMessage).ToList();
        if (_server.TryGetValue(property, out var server))
        {
            messages.AddRange(server);
        }

        return messages;
    }
}
