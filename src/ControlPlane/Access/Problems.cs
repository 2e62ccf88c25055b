using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Access;

/// <summary>The management API's refusals, as RFC 9457 problem details.</summary>
internal static class Problems
{
    public static IResult Unauthorized(string detail = "Sign in, or send a bearer token from /connect/token.") =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: detail);

    public static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} with that id in this tenant.");

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult PreconditionFailed() =>
        Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile",
            detail: "The resource changed since you read it (If-Match does not match its ETag). Read it again and retry.");

    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    /// <summary>
    /// An operation's refusal as problem details: the same status and title as the refusals above,
    /// field errors (validation, or a conflict about one field) under <c>errors</c> keyed by JSON path.
    /// </summary>
    public static ProblemHttpResult Of(Failure failure)
    {
        var (status, title) = failure.Status switch
        {
            OutcomeStatus.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            OutcomeStatus.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            OutcomeStatus.Invalid => (StatusCodes.Status400BadRequest, "Invalid input"),
            OutcomeStatus.PreconditionFailed => (StatusCodes.Status412PreconditionFailed, "Changed meanwhile"),
            OutcomeStatus.Forbidden => (StatusCodes.Status403Forbidden, "Not allowed"),
            OutcomeStatus.Unauthorized => (StatusCodes.Status401Unauthorized, "Not signed in"),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Status, "Not a refusal."),
        };
        var errors = failure.Errors
            .GroupBy(e => JsonField(e.Key))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
        ProblemDetails problem = errors.Count > 0 ? new HttpValidationProblemDetails(errors) : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = failure.Detail;
        return TypedResults.Problem(problem);
    }

    /// <summary>The JSON path of a property: <c>Prices.CachedInput</c> becomes <c>prices.cachedInput</c>, <c>Models[0].Model</c> <c>models[0].model</c>.</summary>
    public static string JsonField(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
