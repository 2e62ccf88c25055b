using System.Text.Json;
using Platform.Simulator.Chat;
using Platform.Simulator.Faults;
using Platform.Simulator.Streaming;

namespace Platform.Simulator.Anthropic;

/// <summary>Anthropic Messages: <c>POST /v1/messages</c>.</summary>
internal sealed class AnthropicDialect : IChatDialect
{
    public static readonly AnthropicDialect Instance = new();

    private static readonly byte[] MalformedFrame =
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"trunc\n\n"u8.ToArray();

    public bool ContentFilterIsError => false;

    public string IdPrefix => "msg_";

    public string ToolCallIdPrefix => "toolu_";

    public ChatRequest Parse(JsonElement root, ChatRoute route) => AnthropicRequestParser.Parse(root);

    public string StreamContentType(ChatRequest request) => "text/event-stream";

    public ReadOnlyMemory<byte> MalformedStreamFrame(ChatRequest request) => MalformedFrame;

    public void WriteResponse(Utf8JsonWriter writer, ChatRequest request, ChatReply reply) =>
        AnthropicResponseWriter.Write(writer, request, reply);

    public void WriteStream(FrameBuffer frames, ChatRequest request, ChatReply reply) =>
        AnthropicStreamWriter.Write(frames, request, reply);

    public int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest or ErrorKind.ContextLength or ErrorKind.ContentFilter => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.BadGateway => StatusCodes.Status502BadGateway,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.Overloaded => 529,
        _ => StatusCodes.Status500InternalServerError,
    };

    public void WriteError(Utf8JsonWriter writer, SimulatedError error)
    {
        var (type, message) = error.Kind switch
        {
            ErrorKind.BadRequest => ("invalid_request_error", error.Detail ?? "Invalid request."),
            ErrorKind.ContentFilter => ("invalid_request_error", "Output blocked by content filtering policy."),
            ErrorKind.ContextLength => ("invalid_request_error", $"prompt is too long: {error.PromptTokens} tokens > {error.Limit} maximum"),
            ErrorKind.NotFound => ("not_found_error", error.Detail ?? "Not found."),
            ErrorKind.Unauthorized => ("authentication_error", "invalid x-api-key"),
            ErrorKind.RateLimited => ("rate_limit_error", "Number of requests has exceeded your rate limit. Please try again later."),
            ErrorKind.Overloaded => ("overloaded_error", "Overloaded"),
            ErrorKind.Unavailable => ("api_error", "Service unavailable."),
            ErrorKind.BadGateway => ("api_error", "Bad gateway."),
            _ => ("api_error", "Internal server error"),
        };

        writer.WriteStartObject();
        writer.WriteString("type"u8, "error"u8);
        writer.WriteStartObject("error"u8);
        writer.WriteString("type"u8, type);
        writer.WriteString("message"u8, message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
