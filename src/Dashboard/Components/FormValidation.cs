using FluentValidation;

namespace Platform.Dashboard.Components;

/// <summary>
/// Puts a shared FluentValidation validator (the one the API runs) behind a <c>MudForm</c>: each
/// field shows the validator's messages for its property, and, after the operation refused a
/// submit, the operation's messages for that field until the user edits it. The form model's
/// property names must match the input's (<c>Name</c>, <c>Routes</c>), which is what makes the
/// operation's error keys (<c>Routes[0]</c>) land on the right field.
/// </summary>
/// <param name="toInput">Builds the operation's input from the form model, exactly as the submit will.</param>
public sealed class FormValidation<TForm, TInput>(IValidator<TInput> validator, Func<TForm, TInput> toInput)
{
    private Dictionary<string, string[]> _server = new(StringComparer.Ordinal);

    /// <summary>For <c>MudForm Validation</c>: called with the model and the field's property name.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validate => ValidateAsync;

    /// <summary>Shows an operation's field errors next to their fields.</summary>
    /// <returns>The messages no field of <paramref name="fields"/> can show, for a general alert.</returns>
    public IReadOnlyList<string> ShowServerErrors(IReadOnlyDictionary<string, string[]> errors, IReadOnlyCollection<string> fields)
    {
        _server = errors.GroupBy(e => FormFields.Of(e.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
        return [.. _server.Where(e => !fields.Contains(e.Key)).SelectMany(e => e.Value)];
    }

    public void ClearServerErrors(string field) => _server.Remove(field);

    private async Task<IEnumerable<string>> ValidateAsync(object model, string property)
    {
        var result = await validator.ValidateAsync(toInput((TForm)model));
        var messages = result.Errors.Where(e => FormFields.Of(e.PropertyName) == property).Select(e => e.ErrorMessage).ToList();
        if (_server.TryGetValue(property, out var server))
        {
            messages.AddRange(server);
        }

        return messages;
    }
}
