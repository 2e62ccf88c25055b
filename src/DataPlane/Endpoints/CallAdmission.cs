using Microsoft.Extensions.Options;
using Platform.DataPlane.Auth;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Hosting;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// The steps every call shares before routing: authenticate the key, check the key may use this
/// endpoint, read the body within the size limit. Each refusal is answered here, in the caller's
/// format, and the caller gets null.
/// </summary>
internal sealed class CallAdmission(PolicyStore policies, KeyUsageTracker keyUsage, TimeProvider time, IOptions<DataPlaneOptions> options)
{
    public const string FeatureHeader = "x-platform-feature";
    public const string CustomerHeader = "x-platform-customer";

    private readonly int _maxBody = options.Value.MaxRequestBodyBytes;

    public TimeProvider Time => time;

    public async Task<CallContext?> AuthenticateAsync(HttpContext context, string endpoint, Dialect dialect)
    {
        var call = new CallContext(endpoint, dialect, time.GetUtcNow().UtcDateTime);
        context.Features.Set(call);
        context.Response.Headers[ResponseHeaders.RequestId] = call.RequestId;
        var outcome = KeyAuthenticator.Authenticate(context.Request, policies.Current, call.StartedAt);
        if (outcome.Failure != AuthFailure.None)
        {
            await ErrorResponses.WriteAsync(context, dialect, StatusCodes.Status401Unauthorized, outcome.Message, outcome.Code);
            return null;
        }

        var key = outcome.Key!;
        keyUsage.Touch(key, call.StartedAt);
        if (key.AllowedEndpoints.Count > 0 && !key.AllowedEndpoints.Contains(endpoint))
        {
            await ErrorResponses.WriteAsync(context, dialect, StatusCodes.Status403Forbidden,
                $"This API key may not call the '{endpoint}' endpoint.", "permission_denied");
            return null;
        }

        call.Key = key;
        call.Tenant = outcome.Tenant;
        call.Feature = HeaderOrNull(context, FeatureHeader);
        call.Customer = HeaderOrNull(context, CustomerHeader);
        return call;
    }

    /// <returns>The body, or null when the call was answered here (the status is on the response).</returns>
    public async Task<RequestBody?> ReadBodyAsync(HttpContext context, CallContext call)
    {
        RequestBody? body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, _maxBody, context.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // The caller went away mid-body (or sent a broken chunked body): nothing to answer.
            context.Response.StatusCode = context.RequestAborted.IsCancellationRequested
                ? StatusCodes.Status499ClientClosedRequest
                : StatusCodes.Status400BadRequest;
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await ErrorResponses.WriteAsync(context, call.Dialect, StatusCodes.Status400BadRequest, "The request body could not be read.", "invalid_body");
            }

            return null;
        }

        if (body is null)
        {
            await ErrorResponses.WriteAsync(context, call.Dialect, StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than the limit of {_maxBody} bytes.", "request_too_large");
        }

        return body;
    }

    /// <summary>Feature and customer from metadata, unless headers already named them.</summary>
    public static void TakeMetadata(CallContext call, IReadOnlyDictionary<string, string> metadata)
    {
        if (call.Feature is null && metadata.TryGetValue("feature", out var feature))
        {
            call.Feature = feature;
        }

        if (call.Customer is null && metadata.TryGetValue("customer", out var customer))
        {
            call.Customer = customer;
        }
    }

    private static string? HeaderOrNull(HttpContext context, string name)
    {
        var value = context.Request.Headers[name];
        return value.Count == 0 || string.IsNullOrWhiteSpace(value[0]) ? null : value[0];
    }
}
