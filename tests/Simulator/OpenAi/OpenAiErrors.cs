using System.Text.Json;
using Platform.Simulator.Chat;
using Platform.Simulator.Faults;

namespace Platform.Simulator.OpenAi;

/// <summary>OpenAI's <c>{"error":{"message","type","param","code"}}</c>; content_filter is Azure OpenAI's 400.</summary>
internal sealed class OpenAiErrors : IErrorDialect
{
    public static readonly OpenAiErrors Instance = new();

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest or ErrorKind.ContextLength or ErrorKind.ContentFilter => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.BadGateway => StatusCodes.Status502BadGateway,
        ErrorKind.Unavailable or ErrorKind.Overloaded => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static void Write(Utf8JsonWriter writer, SimulatedError error)
    {
        var (type, code, message) = error.Kind switch
        {
            ErrorKind.BadRequest => ("invalid_request_error", null, error.Detail ?? "Invalid request."),
            ErrorKind.NotFound => ("invalid_request_error", "not_found", error.Detail ?? "Not found."),
            ErrorKind.Unauthorized => ("invalid_request_error", "invalid_api_key",
                "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys."),
            ErrorKind.RateLimited => ("requests", "rate_limit_exceeded",
                "Rate limit reached for requests. Please try again later."),
            ErrorKind.ContextLength => ("invalid_request_error", "context_length_exceeded",
                $"This model's maximum context length is {error.Limit} tokens. However, your messages resulted in {error.PromptTokens} tokens. Please reduce the length of the messages."),
            ErrorKind.ContentFilter => ("invalid_request_error", "content_filter",
                "The response was filtered due to the prompt triggering content management policy. Please modify your prompt and retry."),
            ErrorKind.Overloaded => ("server_error", "overloaded", "The server is overloaded, please try again later."),
            ErrorKind.Unavailable => ("server_error", "service_unavailable", "The service is temporarily unavailable."),
            ErrorKind.BadGateway => ("server_error", "bad_gateway", "Bad gateway."),
            _ => ("server_error", (string?)"server_error", "The server had an error while processing your request."),
        };

        writer.WriteStartObject();
        writer.WriteStartObject("error"u8);
        writer.WriteString("message"u8, message);
        writer.WriteString("type"u8, type);
        writer.WriteNull("param"u8);
        if (code is null)
        {
            writer.WriteNull("code"u8);
        }
        else
        {
            writer.WriteString("code"u8, code);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    int IErrorDialect.StatusFor(ErrorKind kind) => StatusFor(kind);

    void IErrorDialect.WriteError(Utf8JsonWriter writer, SimulatedError error) => Write(writer, error);
}
