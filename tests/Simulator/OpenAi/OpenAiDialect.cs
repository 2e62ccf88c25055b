using System.Text.Json;
using Platform.Simulator.Chat;
using Platform.Simulator.Faults;
using Platform.Simulator.Streaming;

namespace Platform.Simulator.OpenAi;

/// <summary>OpenAI chat completions: <c>POST /v1/chat/completions</c>.</summary>
internal sealed class OpenAiDialect : IChatDialect
{
    public static readonly OpenAiDialect Instance = new();

    private static readonly byte[] MalformedFrame =
        "data: {\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"trunc\n\n"u8.ToArray();

    public bool ContentFilterIsError => true;

    public string IdPrefix => "chatcmpl-";

    public string ToolCallIdPrefix => "call_";

    public ChatRequest Parse(JsonElement root, ChatRoute route) => OpenAiRequestParser.Parse(root);

    public string StreamContentType(ChatRequest request) => "text/event-stream";

    public ReadOnlyMemory<byte> MalformedStreamFrame(ChatRequest request) => MalformedFrame;

    public void WriteResponse(Utf8JsonWriter writer, ChatRequest request, ChatReply reply) =>
        OpenAiResponseWriter.Write(writer, request, reply);

    public void WriteStream(FrameBuffer frames, ChatRequest request, ChatReply reply) =>
        OpenAiStreamWriter.Write(frames, request, reply);

    public int StatusFor(ErrorKind kind) => OpenAiErrors.StatusFor(kind);

    public void WriteError(Utf8JsonWriter writer, SimulatedError error) => OpenAiErrors.Write(writer, error);
}
