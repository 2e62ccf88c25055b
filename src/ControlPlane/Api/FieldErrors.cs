using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// Errors an endpoint finds after the validator passed (a name that refers to nothing, a route its
/// own constraints rule out), answered like the validator's: 400 validation problem per field.
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    public IResult ToResult() =>
        Results.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "Invalid input");

    /// <summary>The same errors as an operation's refusal, for the callers that answer with an <see cref="Outcome{T}"/>.</summary>
    public Failure ToFailure() => Failure.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public static IResult Single(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToResult();
    }
}
