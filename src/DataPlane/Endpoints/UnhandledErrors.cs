namespace Platform.DataPlane.Endpoints;

/// <summary>
/// The last line: an unexpected exception becomes an OpenAI-shaped 500 with the request id (the
/// exception is logged, never sent); an unknown path is an OpenAI-shaped 404.
/// </summary>
internal static class UnhandledErrors
{
    public static WebApplication UseDataPlaneErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(context =>
        {
            var dialect = context.Features.Get<CallContext>()?.Dialect ?? Dialect.OpenAi;
            var requestId = context.Features.Get<CallContext>()?.RequestId ?? context.TraceIdentifier;
            return ErrorResponses.WriteAsync(context, dialect, StatusCodes.Status500InternalServerError,
                $"The gateway failed to handle the request (request id {requestId}).", "internal_error");
        }));
        return app;
    }

    public static IEndpointRouteBuilder MapUnknownPaths(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback(static context => ErrorResponses.WriteAsync(context, Dialect.OpenAi, StatusCodes.Status404NotFound,
            $"Unknown path {context.Request.Method} {context.Request.Path}.", "unknown_url"));
        return endpoints;
    }
}
