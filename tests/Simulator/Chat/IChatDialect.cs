using System.Text.Json;
using Platform.Simulator.Streaming;

namespace Platform.Simulator.Chat;

/// <summary>One provider's chat wire format: request parsing, JSON reply, stream events.</summary>
internal interface IChatDialect : IErrorDialect
{
    /// <summary>OpenAI answers a filtered prompt with a 400; Anthropic and Gemini answer 200 and say so inside.</summary>
    bool ContentFilterIsError { get; }

    string IdPrefix { get; }

    string ToolCallIdPrefix { get; }

    ChatRequest Parse(JsonElement root, ChatRoute route);

    string StreamContentType(ChatRequest request);

    /// <summary>A stream event whose JSON is cut short, for the <c>malformed</c> fault.</summary>
    ReadOnlyMemory<byte> MalformedStreamFrame(ChatRequest request);

    void WriteResponse(Utf8JsonWriter writer, ChatRequest request, ChatReply reply);

    void WriteStream(FrameBuffer frames, ChatRequest request, ChatReply reply);
}
