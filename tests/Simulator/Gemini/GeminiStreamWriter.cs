using Platform.Simulator.Chat;
using Platform.Simulator.Streaming;
using Platform.Simulator.Text;

namespace Platform.Simulator.Gemini;

/// <summary>
/// Stream chunks, each a whole GenerateContentResponse: as SSE with <c>alt=sse</c> (CRLF-separated, as Google
/// sends them), otherwise as the items of one streamed JSON array. A function call arrives whole in one chunk.
/// </summary>
internal static class GeminiStreamWriter
{
    public static void Write(FrameBuffer frames, ChatRequest request, ChatReply reply)
    {
        if (reply.ToolCall is not null || reply.Finish == FinishReason.ContentFilter)
        {
            WriteChunk(frames, request, reply, "", index: 0, final: true);
            return;
        }

        var pieces = ChunkSplitter.Words(reply.Text);
        if (pieces.Count == 0)
        {
            pieces.Add(0..0);
        }

        for (var index = 0; index < pieces.Count; index++)
        {
            WriteChunk(frames, request, reply, reply.Text.AsSpan(pieces[index]), index, final: index == pieces.Count - 1);
        }
    }

    private static void WriteChunk(FrameBuffer frames, ChatRequest request, ChatReply reply, ReadOnlySpan<char> text, int index, bool final)
    {
        var array = request.JsonArrayStream;
        var prefix = !array ? "data: "u8 : index == 0 ? "["u8 : ",\r\n"u8;
        var writer = frames.BeginJson(prefix);
        GeminiResponseWriter.Write(writer, request, reply, text, final);
        frames.EndJson(!array ? "\r\n\r\n"u8 : final ? "]"u8 : []);
    }
}
