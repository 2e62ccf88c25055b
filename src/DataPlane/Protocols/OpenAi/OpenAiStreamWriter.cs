using System.IO.Pipelines;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>
/// Turns <see cref="StreamEvent"/>s into <c>chat.completion.chunk</c> SSE events, one flush per event: a role
/// chunk first, content and tool-call deltas, the finish chunk, a usage chunk with empty <c>choices</c> only when
/// the caller asked for <c>include_usage</c>, then <c>data: [DONE]</c>. The last <see cref="StreamUsage"/> seen
/// is the one reported; it is written at <see cref="CompleteAsync"/>, after the finish chunk, whatever the order.
/// </summary>
internal sealed class OpenAiStreamWriter(PipeWriter output, bool includeUsage, long created) : IDisposable
{
    private readonly SseFrameWriter _frames = new(output);
    private string _id = "chatcmpl-gateway";
    private string _model = "";
    private bool _started;
    private Chat.Usage? _usage;

    public async ValueTask WriteAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        switch (streamEvent)
        {
            case StreamStart start:
                _id = start.Id;
                _model = start.Model;
                await EnsureStartedAsync(cancellationToken);
                return;
            case StreamUsage usage:
                _usage = usage.Usage;
                return;
        }

        await EnsureStartedAsync(cancellationToken);
        var writer = BeginChunk();
        string? finish = null;
        switch (streamEvent)
        {
            case TextDelta text:
                writer.WriteString("content"u8, text.Text);
                break;
            case ToolCallStart call:
                writer.WriteStartArray("tool_calls"u8);
                writer.WriteStartObject();
                writer.WriteNumber("index"u8, call.Index);
                writer.WriteString("id"u8, call.Id);
                writer.WriteString("type"u8, "function"u8);
                writer.WriteStartObject("function"u8);
                writer.WriteString("name"u8, call.Name);
                writer.WriteString("arguments"u8, ""u8);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            case ToolArgumentsDelta arguments:
                writer.WriteStartArray("tool_calls"u8);
                writer.WriteStartObject();
                writer.WriteNumber("index"u8, arguments.Index);
                writer.WriteStartObject("function"u8);
                writer.WriteString("arguments"u8, arguments.Fragment);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            case StreamFinish end:
                finish = OpenAiWire.FinishReason(end.Reason);
                break;
        }

        await EndChunkAsync(writer, finish, cancellationToken);
    }

    /// <summary>The usage chunk (when asked for and known) and <c>data: [DONE]</c>.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken);
        if (includeUsage && _usage is { } usage)
        {
            var writer = _frames.Begin();
            WriteHeader(writer);
            writer.WriteStartArray("choices"u8);
            writer.WriteEndArray();
            OpenAiWire.WriteUsage(writer, usage);
            writer.WriteEndObject();
            await _frames.EndAsync(cancellationToken);
        }

        await _frames.WriteRawAsync("data: [DONE]\n\n"u8, cancellationToken);
    }

    /// <summary>
    /// Ends a stream that broke after its first byte went out: OpenAI's in-band <c>data: {"error":{...}}</c>,
    /// and no <c>[DONE]</c>, so clients see the answer is incomplete.
    /// </summary>
    public async ValueTask WriteErrorAsync(string message, string type, string? code, CancellationToken cancellationToken)
    {
        OpenAiErrorWriter.WriteBody(_frames.Begin(), message, type, null, code);
        await _frames.EndAsync(cancellationToken);
    }

    public void Dispose() => _frames.Dispose();

    private async ValueTask EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return;
        }

        _started = true;
        var writer = BeginChunk();
        writer.WriteString("role"u8, "assistant"u8);
        writer.WriteString("content"u8, ""u8);
        await EndChunkAsync(writer, null, cancellationToken);
    }

    private Utf8JsonWriter BeginChunk()
    {
        var writer = _frames.Begin();
        WriteHeader(writer);
        writer.WriteStartArray("choices"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        writer.WriteStartObject("delta"u8);
        return writer;
    }

    private ValueTask<FlushResult> EndChunkAsync(Utf8JsonWriter writer, string? finishReason, CancellationToken cancellationToken)
    {
        writer.WriteEndObject();
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
        return _frames.EndAsync(cancellationToken);
    }

    private void WriteHeader(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, _id);
        writer.WriteString("object"u8, "chat.completion.chunk"u8);
        writer.WriteNumber("created"u8, created);
        writer.WriteString("model"u8, _model);
    }
}
