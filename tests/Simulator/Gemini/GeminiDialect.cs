using System.Text.Json;
using Platform.Simulator.Chat;
using Platform.Simulator.Faults;
using Platform.Simulator.Streaming;

namespace Platform.Simulator.Gemini;

/// <summary>Gemini <c>generateContent</c> / <c>streamGenerateContent</c>.</summary>
internal sealed class GeminiDialect : IChatDialect
{
    public static readonly GeminiDialect Instance = new();

    private static readonly byte[] MalformedSseFrame = "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"trunc\r\n\r\n"u8.ToArray();
    private static readonly byte[] MalformedArrayFrame = ",\r\n{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"trunc"u8.ToArray();

    public bool ContentFilterIsError => false;

    public string IdPrefix => "";

    public string ToolCallIdPrefix => "";

    public ChatRequest Parse(JsonElement root, ChatRoute route) => GeminiRequestParser.Parse(root, route);

    public string StreamContentType(ChatRequest request) => request.JsonArrayStream ? "application/json" : "text/event-stream";

    public ReadOnlyMemory<byte> MalformedStreamFrame(ChatRequest request) =>
        request.JsonArrayStream ? MalformedArrayFrame : MalformedSseFrame;

    public void WriteResponse(Utf8JsonWriter writer, ChatRequest request, ChatReply reply) =>
        GeminiResponseWriter.Write(writer, request, reply, reply.Text, final: true);

    public void WriteStream(FrameBuffer frames, ChatRequest request, ChatReply reply) =>
        GeminiStreamWriter.Write(frames, request, reply);

    public int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest or ErrorKind.ContextLength or ErrorKind.ContentFilter => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.BadGateway => StatusCodes.Status502BadGateway,
        ErrorKind.Unavailable or ErrorKind.Overloaded => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public void WriteError(Utf8JsonWriter writer, SimulatedError error)
    {
        var (status, message) = error.Kind switch
        {
            ErrorKind.BadRequest => ("INVALID_ARGUMENT", error.Detail ?? "Invalid request."),
            ErrorKind.ContentFilter => ("INVALID_ARGUMENT", "The prompt was blocked by safety filters."),
            ErrorKind.ContextLength => ("INVALID_ARGUMENT",
                $"The input token count ({error.PromptTokens}) exceeds the maximum number of tokens allowed ({error.Limit})."),
            ErrorKind.NotFound => ("NOT_FOUND", error.Detail ?? "Not found."),
            ErrorKind.Unauthorized => ("UNAUTHENTICATED", "API key not valid. Please pass a valid API key."),
            ErrorKind.RateLimited => ("RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."),
            ErrorKind.Overloaded or ErrorKind.Unavailable => ("UNAVAILABLE", "The model is overloaded. Please try again later."),
            ErrorKind.BadGateway => ("UNAVAILABLE", "Bad gateway."),
            _ => ("INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting"),
        };

        writer.WriteStartObject();
        writer.WriteStartObject("error"u8);
        writer.WriteNumber("code"u8, StatusFor(error.Kind));
        writer.WriteString("message"u8, message);
        writer.WriteString("status"u8, status);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
