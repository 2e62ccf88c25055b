using System.Text.RegularExpressions;
using FluentValidation;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// The route form's errors, from the shared <see cref="RouteInputValidator"/> (the one the API runs)
/// and from the operation's whole-route checks (an unknown model, a route its constraints rule out).
/// Like <see cref="Components.FormValidation{TForm, TInput}"/>, but it also places the input's
/// nested paths: <c>Constraints.Region</c> on the region field, <c>Candidates[1].Model</c> on the
/// second row of the chain editor, whichever casing (validator or API) names them.
/// </summary>
public sealed partial class RouteFormErrors(IValidator<RouteInput> validator)
{
    private Dictionary<string, string[]> _server = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>For <c>MudForm Validation</c>: called with the form and the field's property name.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validate => ValidateAsync;

    /// <summary>Set by the first submit: the chain editor shows its errors from then on, not while the user is still typing.</summary>
    public bool Submitted { get; set; }

    /// <returns>The messages no field shows, for a general alert.</returns>
    public IReadOnlyList<string> ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        _server = errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        return [.. _server.Where(e => !RouteForm.Fields.Contains(RouteForm.FieldOf(e.Key))).SelectMany(e => e.Value)];
    }

    public void ClearServerErrors(string field)
    {
        foreach (var key in _server.Keys.Where(k => RouteForm.FieldOf(k) == field).ToList())
        {
            _server.Remove(key);
        }
    }

    /// <summary>The chain editor's errors: about the list as a whole (<paramref name="row"/> null) or about one row.</summary>
    public IReadOnlyList<string> CandidateErrors(RouteForm form, int? row)
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
        var result = await validator.ValidateAsync(((RouteForm)model).ToInput());
        var messages = result.Errors.Where(e => RouteForm.FieldOf(e.PropertyName) == property).Select(e => e.ErrorMessage).ToList();
        messages.AddRange(_server.Where(e => RouteForm.FieldOf(e.Key) == property).SelectMany(e => e.Value));
        return messages;
    }

    /// <returns>-1 for the list itself, the row for <c>Candidates[i].*</c>, null for other fields.</returns>
    private static int? RowOf(string path) =>
        Candidate().Match(path) is { Success: true } match ? match.Groups[1].Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1 : null;

    [GeneratedRegex(@"^candidates(?:\[(\d+)\])?(?:\.|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Candidate();
}
