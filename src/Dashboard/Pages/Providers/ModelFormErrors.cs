using FluentValidation;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Providers;

/// <summary>
/// The model form's errors from the shared <see cref="ModelInputValidator"/> and from the operation,
/// placed by <see cref="ModelForm.FieldOf"/>: like <see cref="Components.FormValidation{TForm, TInput}"/>,
/// which places only top-level paths, but the prices are nested in the input and flat in the form.
/// </summary>
public sealed class ModelFormErrors(IValidator<ModelInput> validator)
{
    private Dictionary<string, string[]> _server = new(StringComparer.Ordinal);

    /// <summary>For <c>MudForm Validation</c>: called with the form and the field's property name.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validate => ValidateAsync;

    /// <returns>The messages no field shows, for a general alert.</returns>
    public IReadOnlyList<string> ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        _server = errors.GroupBy(e => ModelForm.FieldOf(e.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
        return [.. _server.Where(e => !ModelForm.Fields.Contains(e.Key)).SelectMany(e => e.Value)];
    }

    public void ClearServerErrors(string field) => _server.Remove(field);

    private async Task<IEnumerable<string>> ValidateAsync(object model, string property)
    {
        var result = await validator.ValidateAsync(((ModelForm)model).ToInput());
        var messages = result.Errors.Where(e => ModelForm.FieldOf(e.PropertyName) == property).Select(e => e.ErrorMessage).ToList();
        if (_server.TryGetValue(property, out var server))
        {
            messages.AddRange(server);
        }

        return messages;
    }
}
