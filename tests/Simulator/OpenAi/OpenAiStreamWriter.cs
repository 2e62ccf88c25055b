using System.Text.Json;
using Platform.Simulator.Chat;
using Platform.Simulator.Streaming;
using Platform.Simulator.Text;

namespace Platform.Simulator.OpenAi;

/// <summary>
/// <c>chat.completion.chunk</c> events: a role chunk, content or tool-argument deltas, a finish chunk, a usage
/// chunk with empty choices only when <c>stream_options.include_usage</c> asked for it, then <c>[DONE]</c>.
/// </summary>
internal static class OpenAiStreamWriter
{
    private static ReadOnlySpan<byte> Data => "data: "u8;

    private static ReadOnlySpan<byte> End => "\n\n"u8;

    public static void Write(FrameBuffer frames, ChatRequest request, ChatReply reply)
    {
        if (reply.ToolCall is { } call)
        {
            var first = Begin(frames, request, reply);
            first.WriteString("role"u8, "assistant"u8);
            first.WriteNull("content"u8);
            WriteToolCallDelta(first, call, "");
            Finish(frames, first, null);

            foreach (var range in ChunkSplitter.Fragments(call.Arguments))
            {
                var writer = Begin(frames, request, reply);
                WriteToolCallDelta(writer, null, call.Arguments.AsSpan(range));
                Finish(frames, writer, null);
            }
        }
        else
        {
            var first = Begin(frames, request, reply);
            first.WriteString("role"u8, "assistant"u8);
            first.WriteString("content"u8, ""u8);
            Finish(frames, first, null);

            foreach (var range in ChunkSplitter.Words(reply.Text))
            {
                var writer = Begin(frames, request, reply);
                writer.WriteString("content"u8, reply.Text.AsSpan(range));
                Finish(frames, writer, null);
            }
        }

        var last = Begin(frames, request, reply);
        Finish(frames, last, OpenAiResponseWriter.FinishReasonName(reply.Finish));

        if (request.IncludeUsage)
        {
            var usage = frames.BeginJson(Data);
            WriteHeader(usage, request, reply);
            usage.WriteStartArray("choices"u8);
            usage.WriteEndArray();
            OpenAiResponseWriter.WriteUsage(usage, reply);
            usage.WriteEndObject();
            frames.EndJson(End);
        }

        frames.WriteFrame("data: [DONE]\n\n"u8);
    }

    private static Utf8JsonWriter Begin(FrameBuffer frames, ChatRequest request, ChatReply reply)
    {
        var writer = frames.BeginJson(Data);
        WriteHeader(writer, request, reply);
        writer.WriteStartArray("choices"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        writer.WriteStartObject("delta"u8);
        return writer;
    }

    private static void Finish(FrameBuffer frames, Utf8JsonWriter writer, string? finishReason)
    {
        writer.WriteEndObject();
        writer.WriteNull("logprobs"u8);
        if (finishReason is null)
        {
            writer.WriteNull("finish_reason"u8);
        }
        else
        {
            writer.WriteString("finish_reason"u8, finishReason);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        frames.EndJson(End);
    }

    private static void WriteHeader(Utf8JsonWriter writer, ChatRequest request, ChatReply reply)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, reply.Id);
        writer.WriteString("object"u8, "chat.completion.chunk"u8);
        writer.WriteNumber("created"u8, reply.Created);
        writer.WriteString("model"u8, request.Model);
        writer.WriteString("system_fingerprint"u8, "fp_simulator"u8);
    }

    private static void WriteToolCallDelta(Utf8JsonWriter writer, ToolCall? opening, ReadOnlySpan<char> arguments)
    {
        writer.WriteStartArray("tool_calls"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        if (opening is not null)
        {
            writer.WriteString("id"u8, opening.Id);
            writer.WriteString("type"u8, "function"u8);
        }

        writer.WriteStartObject("function"u8);
        if (opening is not null)
        {
            writer.WriteString("name"u8, opening.Name);
        }

        writer.WriteString("arguments"u8, arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
