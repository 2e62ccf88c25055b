using FluentValidation.Results;

namespace Platform.Shared.Management.Operations;

/// <summary>
/// Why an operation refused. <see cref="Errors"/> is keyed by the input's property paths as
/// FluentValidation names them (<c>Name</c>, <c>Endpoints[1]</c>), so a form puts each message next
/// to its field and the API turns the same keys into JSON paths.
/// </summary>
public sealed record Failure(OutcomeStatus Status, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static Failure NotFound(string what) => new(OutcomeStatus.NotFound, $"No {what} with that id in this tenant.", NoErrors);

    /// <param name="field">The input property the conflict is about, so a form can show it there.</param>
    public static Failure Conflict(string detail, string? field = null) =>
        new(OutcomeStatus.Conflict, detail, field is null ? NoErrors : new Dictionary<string, string[]> { [field] = [detail] });

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(OutcomeStatus.Invalid, "The input is not valid; see the errors per field.", errors);

    public static Failure Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Invalid(ValidationResult result) =>
        Invalid(result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));

    public static Failure PreconditionFailed() => new(OutcomeStatus.PreconditionFailed,
        "The resource changed since you read it (If-Match does not match its ETag). Read it again and retry.", NoErrors);

    public static Failure Forbidden(string detail) => new(OutcomeStatus.Forbidden, detail, NoErrors);

    public static Failure Unauthorized(string detail = "Sign in, or send a bearer token from /connect/token.") =>
        new(OutcomeStatus.Unauthorized, detail, NoErrors);
}
