using System.Globalization;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// Every error the data plane returns, in the caller's format: OpenAI's
/// <c>{"error":{"message","type","param","code"}}</c> or Anthropic's
/// <c>{"type":"error","error":{"type","message"}}</c>. Never a stack trace.
/// </summary>
internal static class ErrorResponses
{
    public static async Task WriteAsync(HttpContext context, Dialect dialect, int status, string message, string? code, string? param = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        using var buffer = new PooledBufferWriter();
        if (dialect == Dialect.Anthropic)
        {
            AnthropicErrorWriter.Write(buffer, AnthropicType(status), message);
        }
        else
        {
            OpenAiErrorWriter.Write(buffer, message, OpenAiType(status), param, code);
        }

        await JsonBody.WriteAsync(response, buffer, CancellationToken.None);
    }

    public static Task WriteAsync(HttpContext context, Dialect dialect, ClientRequestException error) =>
        WriteAsync(context, dialect, StatusCodes.Status400BadRequest, error.Message, error.Code, error.Param);

    /// <summary>The last upstream failure, once no candidate is left to try.</summary>
    public static Task WriteAsync(HttpContext context, Dialect dialect, UpstreamException error)
    {
        var status = StatusFor(error.ErrorClass);
        if (error.RetryAfter is { } retryAfter && status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, dialect, status, MessageFor(error), CodeFor(error.ErrorClass));
    }

    /// <summary>The status a caller sees when a call finally fails with this class (README table).</summary>
    public static int StatusFor(ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.Timeout => StatusCodes.Status504GatewayTimeout,
        ErrorClass.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorClass.Overloaded => StatusCodes.Status503ServiceUnavailable,
        ErrorClass.ContextLength or ErrorClass.ContentFilter or ErrorClass.BadRequest => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status502BadGateway,
    };

    public static string CodeFor(ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.ContextLength => "context_length_exceeded",
        _ => errorClass.ToName(),
    };

    private static string MessageFor(UpstreamException error) => error.ErrorClass switch
    {
        // The provider's own words on a 400 help the caller fix the request; never echo auth details.
        ErrorClass.Auth => "The upstream provider rejected the platform's credential for it; an administrator must fix the provider's credential.",
        _ => error.Message,
    };

    private static string OpenAiType(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };

    private static string AnthropicType(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };
}
