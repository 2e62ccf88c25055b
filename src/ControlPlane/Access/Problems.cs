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
}
