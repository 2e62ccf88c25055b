using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// The tier form's errors, from the shared <see cref="TierInputValidator"/> and from the operation
/// (a taken name, a model not in the catalog, a route the change would leave unservable). Paths are
/// matched whichever casing names them (<c>Models[1].Model</c>, the API's <c>models[1].model</c>):
/// the list's own errors and each row's go to the model editor, the rest to their fields.
/// </summary>
public sealed partial class TierFormErrors(IValidator<TierInput> validator)
{
    private Dictionary<string, string[]> _server = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>For <c>MudForm Validation</c>: called with the form and the field's property name.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validate => ValidateAsync;

    /// <summary>Set by the first submit: the model editor shows its errors from then on, not while the user is still typing.</summary>
    public bool Submitted { get; set; }

    /// <returns>The messages no field shows, for a general alert.</returns>
    public IReadOnlyList<string> ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        _server = errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        return [.. _server.Where(e => FieldOf(e.Key) is null).SelectMany(e => e.Value)];
    }

    public void ClearServerErrors(string field)
    {
        foreach (var key in _server.Keys.Where(k => FieldOf(k) == field).ToList())
        {
            _server.Remove(key);
        }
    }

    /// <summary>The model editor's errors: about the list as a whole (<paramref name="row"/> null) or one row.</summary>
    public IReadOnlyList<string> ModelErrors(TierForm form, int? row)
    {
        if (!Submitted)
        {
            return [];
        }

        var client = validator.Validate(form.ToInput()).Errors.Select(e => (e.PropertyName, e.ErrorMessage));
        var server = _server.SelectMany(e => e.Value.Select(m => (PropertyName: e.Key, ErrorMessage: m)));
        return [.. client.Concat(server).Where(e => RowOf(e.PropertyName) is { } match && match == (row ?? -1)).Select(e => e.ErrorMessage).Distinct()];
    }

    private async Task<IEnumerable<string>> ValidateAsync(object model, string property)
    {
        if (property == nameof(TierForm.Models))
        {
            return [];
        }

        var result = await validator.ValidateAsync(((TierForm)model).ToInput());
        var messages = result.Errors.Where(e => FieldOf(e.PropertyName) == property).Select(e => e.ErrorMessage).ToList();
        messages.AddRange(_server.Where(e => FieldOf(e.Key) == property).SelectMany(e => e.Value));
        return messages;
    }

    private static string? FieldOf(string path) =>
        RowOf(path) is not null ? nameof(TierForm.Models) : TierForm.Fields.FirstOrDefault(f => f.Equals(path, StringComparison.OrdinalIgnoreCase));

    /// <returns>-1 for the list itself, the row for <c>Models[i].*</c>, null for other fields.</returns>
    private static int? RowOf(string path) =>
        Model().Match(path) is { Success: true } match
            ? match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1
            : null;

    [GeneratedRegex(@"^models(?:\[(\d+)\])?(?:\.|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Model();
}
