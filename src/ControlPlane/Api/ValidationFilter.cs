using System.Text.Json;
using FluentValidation;

namespace Platform.ControlPlane.Api;

/// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its FluentValidation validator; 400 problem details per field.</summary>
internal sealed class ValidationFilter<T> : IEndpointFilter
    where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var input = context.Arguments.OfType<T>().FirstOrDefault();
        if (input is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "A JSON body is required.");
        }

        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
        var result = await validator.ValidateAsync(input, context.HttpContext.RequestAborted);
        if (!result.IsValid)
        {
            var errors = result.Errors
                .GroupBy(e => FieldName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
            return Results.ValidationProblem(errors, title: "Invalid input");
        }

        return await next(context);
    }

    /// <summary>The JSON path of a property: <c>Prices.CachedInput</c> becomes <c>prices.cachedInput</c>, <c>Models[0].Model</c> <c>models[0].model</c>.</summary>
    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}

internal static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder builder)
        where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>();
}
