using Platform.DataPlane.Forwarding;

namespace Platform.DataPlane.Providers.Http;

/// <summary>
/// The one status-to-<see cref="ErrorClass"/> table for every provider. Context-length and content-filter
/// refusals are 400s told apart by the provider's code or message.
/// </summary>
internal static class UpstreamErrors
{
    private const int MaxMessageChars = 300;

    public static UpstreamException FromStatus(int status, ProviderErrorBody body, TimeSpan? retryAfter, string provider, string? credential)
    {
        var errorClass = status switch
        {
            401 or 403 => ErrorClass.Auth,
            408 => ErrorClass.Timeout,
            429 => ErrorClass.RateLimited,
            503 or 529 => ErrorClass.Overloaded,
            >= 500 => ErrorClass.ServerError,
            _ when IsContextLength(body) => ErrorClass.ContextLength,
            _ when IsContentFilter(body) => ErrorClass.ContentFilter,
            _ => ErrorClass.BadRequest,
        };
        return new UpstreamException(errorClass, Describe(provider, status, body, credential), status, retryAfter);
    }

    /// <summary>An error reported inside a stream (OpenAI <c>data: {"error"}</c>, Anthropic <c>event: error</c>).</summary>
    public static UpstreamException FromStreamError(ProviderErrorBody body, string provider, string? credential, bool afterFirstEvent)
    {
        var errorClass = afterFirstEvent
            ? ErrorClass.StreamBroken
            : (body.Type ?? body.Status) switch
            {
                "overloaded_error" or "UNAVAILABLE" => ErrorClass.Overloaded,
                "rate_limit_error" or "requests" or "tokens" or "RESOURCE_EXHAUSTED" => ErrorClass.RateLimited,
                "authentication_error" or "permission_error" or "UNAUTHENTICATED" or "PERMISSION_DENIED" => ErrorClass.Auth,
                "invalid_request_error" or "INVALID_ARGUMENT" when IsContextLength(body) => ErrorClass.ContextLength,
                "invalid_request_error" or "INVALID_ARGUMENT" when IsContentFilter(body) => ErrorClass.ContentFilter,
                "invalid_request_error" or "INVALID_ARGUMENT" => ErrorClass.BadRequest,
                _ => ErrorClass.ServerError,
            };
        return new UpstreamException(errorClass, Describe(provider, null, body, credential));
    }

    public static bool IsContextLength(ProviderErrorBody body) =>
        body.Code is "context_length_exceeded" or "string_above_max_length"
        || Contains(body.Message, "prompt is too long")
        || Contains(body.Message, "maximum context length")
        || Contains(body.Message, "context window")
        || (body.Status == "INVALID_ARGUMENT" && (Contains(body.Message, "token count") || Contains(body.Message, "tokens allowed")));

    public static bool IsContentFilter(ProviderErrorBody body) =>
        body.Code is "content_filter" or "content_policy_violation" or "ResponsibleAIPolicyViolation"
        || (body.Status == "INVALID_ARGUMENT" && Contains(body.Message, "safety"))
        || Contains(body.Message, "content filtering policy")
        || Contains(body.Message, "content management policy");

    public static UpstreamException Malformed(string provider, string reason, Exception? inner = null) =>
        new(ErrorClass.MalformedResponse, $"{provider} sent a malformed response: {reason}", 200, inner: inner);

    /// <summary>"provider returned 429: message", truncated, with the credential masked should the provider echo it.</summary>
    private static string Describe(string provider, int? status, ProviderErrorBody body, string? credential)
    {
        var message = body.Message ?? body.Type ?? body.Status ?? "no error message";
        if (message.Length > MaxMessageChars)
        {
            message = string.Concat(message.AsSpan(0, MaxMessageChars), "...");
        }

        if (!string.IsNullOrEmpty(credential) && credential.Length >= 4)
        {
            message = message.Replace(credential, "***", StringComparison.Ordinal);
        }

        return status is null ? $"{provider} stream error: {message}" : $"{provider} returned {status}: {message}";
    }

    private static bool Contains(string? text, string part) => text is not null && text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
