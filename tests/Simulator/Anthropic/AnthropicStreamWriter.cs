using System.Text.Json;
using Platform.Simulator.Chat;
using Platform.Simulator.Streaming;
using Platform.Simulator.Text;

namespace Platform.Simulator.Anthropic;

/// <summary>
/// Messages stream events in Anthropic's order: message_start, ping, one content block (start, deltas, stop),
/// message_delta with the stop reason and output tokens, message_stop.
/// </summary>
internal static class AnthropicStreamWriter
{
    private static ReadOnlySpan<byte> End => "\n\n"u8;

    public static void Write(FrameBuffer frames, ChatRequest request, ChatReply reply)
    {
        var start = frames.BeginJson("event: message_start\ndata: "u8);
        start.WriteStartObject();
        start.WriteString("type"u8, "message_start"u8);
        start.WriteStartObject("message"u8);
        start.WriteString("id"u8, reply.Id);
        start.WriteString("type"u8, "message"u8);
        start.WriteString("role"u8, "assistant"u8);
        start.WriteString("model"u8, request.Model);
        start.WriteStartArray("content"u8);
        start.WriteEndArray();
        start.WriteNull("stop_reason"u8);
        start.WriteNull("stop_sequence"u8);
        start.WriteStartObject("usage"u8);
        AnthropicResponseWriter.WriteInputUsage(start, reply);
        start.WriteNumber("output_tokens"u8, 1);
        start.WriteEndObject();
        start.WriteEndObject();
        start.WriteEndObject();
        frames.EndJson(End);

        frames.WriteFrame("event: ping\ndata: {\"type\":\"ping\"}\n\n"u8);

        if (reply.ToolCall is { } call)
        {
            var open = BeginBlock(frames, "content_block_start"u8);
            open.WriteStartObject("content_block"u8);
            open.WriteString("type"u8, "tool_use"u8);
            open.WriteString("id"u8, call.Id);
            open.WriteString("name"u8, call.Name);
            open.WriteStartObject("input"u8);
            open.WriteEndObject();
            open.WriteEndObject();
            EndBlock(frames, open);

            foreach (var range in ChunkSplitter.Fragments(call.Arguments))
            {
                var delta = BeginBlock(frames, "content_block_delta"u8);
                delta.WriteStartObject("delta"u8);
                delta.WriteString("type"u8, "input_json_delta"u8);
                delta.WriteString("partial_json"u8, call.Arguments.AsSpan(range));
                delta.WriteEndObject();
                EndBlock(frames, delta);
            }

            EndBlock(frames, BeginBlock(frames, "content_block_stop"u8));
        }
        else if (reply.Finish != FinishReason.ContentFilter)
        {
            var open = BeginBlock(frames, "content_block_start"u8);
            open.WriteStartObject("content_block"u8);
            open.WriteString("type"u8, "text"u8);
            open.WriteString("text"u8, ""u8);
            open.WriteEndObject();
            EndBlock(frames, open);

            foreach (var range in ChunkSplitter.Words(reply.Text))
            {
                var delta = BeginBlock(frames, "content_block_delta"u8);
                delta.WriteStartObject("delta"u8);
                delta.WriteString("type"u8, "text_delta"u8);
                delta.WriteString("text"u8, reply.Text.AsSpan(range));
                delta.WriteEndObject();
                EndBlock(frames, delta);
            }

            EndBlock(frames, BeginBlock(frames, "content_block_stop"u8));
        }

        var end = frames.BeginJson("event: message_delta\ndata: "u8);
        end.WriteStartObject();
        end.WriteString("type"u8, "message_delta"u8);
        end.WriteStartObject("delta"u8);
        end.WriteString("stop_reason"u8, AnthropicResponseWriter.StopReason(reply.Finish));
        end.WriteNull("stop_sequence"u8);
        end.WriteEndObject();
        end.WriteStartObject("usage"u8);
        end.WriteNumber("output_tokens"u8, reply.CompletionTokens);
        end.WriteEndObject();
        end.WriteEndObject();
        frames.EndJson(End);

        frames.WriteFrame("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"u8);
    }

    private static Utf8JsonWriter BeginBlock(FrameBuffer frames, ReadOnlySpan<byte> type)
    {
        var writer = frames.BeginEvent(type);
        writer.WriteStartObject();
        writer.WriteString("type"u8, type);
        writer.WriteNumber("index"u8, 0);
        return writer;
    }

    private static void EndBlock(FrameBuffer frames, Utf8JsonWriter writer)
    {
        writer.WriteEndObject();
        frames.EndJson(End);
    }
}
