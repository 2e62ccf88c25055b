using System.IO.Pipelines;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Protocols.Anthropic;

/// <summary>
/// Turns <see cref="StreamEvent"/>s into Anthropic Messages stream events, one flush per event: message_start,
/// then per content block (text runs and tool calls, in arrival order, indices 0, 1, ...) content_block_start,
/// deltas and content_block_stop, then message_delta (stop reason and usage) and message_stop. Usage is only
/// known at the end upstream-neutrally, so message_start reports zeros and message_delta carries the totals.
/// </summary>
internal sealed class AnthropicStreamWriter(PipeWriter output) : IDisposable
{
    private readonly SseFrameWriter _frames = new(output);
    private readonly List<int> _toolBlocks = [];
    private string _id = "msg_gateway";
    private string _model = "";
    private bool _started;
    private int _nextBlock;
    private int _openBlock = -1;
    private bool _openIsText;
    private FinishReason _finish = FinishReason.Stop;
    private Chat.Usage _usage;

    public async ValueTask WriteAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        switch (streamEvent)
        {
            case StreamStart start:
                _id = start.Id;
                _model = start.Model;
                await EnsureStartedAsync(cancellationToken);
                break;
            case TextDelta text:
                await EnsureStartedAsync(cancellationToken);
                if (_openBlock < 0 || !_openIsText)
                {
                    await OpenTextBlockAsync(cancellationToken);
                }

                var textDelta = BeginBlockEvent("content_block_delta"u8, _openBlock);
                textDelta.WriteStartObject("delta"u8);
                textDelta.WriteString("type"u8, "text_delta"u8);
                textDelta.WriteString("text"u8, text.Text);
                textDelta.WriteEndObject();
                await EndEventAsync(textDelta, cancellationToken);
                break;
            case ToolCallStart call:
                await EnsureStartedAsync(cancellationToken);
                await CloseBlockAsync(cancellationToken);
                while (_toolBlocks.Count <= call.Index)
                {
                    _toolBlocks.Add(-1);
                }

                _toolBlocks[call.Index] = _openBlock = _nextBlock++;
                _openIsText = false;
                var open = BeginBlockEvent("content_block_start"u8, _openBlock);
                open.WriteStartObject("content_block"u8);
                open.WriteString("type"u8, "tool_use"u8);
                open.WriteString("id"u8, call.Id);
                open.WriteString("name"u8, call.Name);
                open.WriteStartObject("input"u8);
                open.WriteEndObject();
                open.WriteEndObject();
                await EndEventAsync(open, cancellationToken);
                break;
            case ToolArgumentsDelta arguments when arguments.Index < _toolBlocks.Count && _toolBlocks[arguments.Index] >= 0:
                var jsonDelta = BeginBlockEvent("content_block_delta"u8, _toolBlocks[arguments.Index]);
                jsonDelta.WriteStartObject("delta"u8);
                jsonDelta.WriteString("type"u8, "input_json_delta"u8);
                jsonDelta.WriteString("partial_json"u8, arguments.Fragment);
                jsonDelta.WriteEndObject();
                await EndEventAsync(jsonDelta, cancellationToken);
                break;
            case StreamFinish finish:
                _finish = finish.Reason;
                await EnsureStartedAsync(cancellationToken);
                await CloseBlockAsync(cancellationToken);
                break;
            case StreamUsage usage:
                _usage = usage.Usage;
                break;
        }
    }

    /// <summary>message_delta with the stop reason and usage, then message_stop.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken);
        await CloseBlockAsync(cancellationToken);
        var writer = _frames.Begin("message_delta"u8);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "message_delta"u8);
        writer.WriteStartObject("delta"u8);
        writer.WriteString("stop_reason"u8, AnthropicWire.StopReason(_finish));
        writer.WriteNull("stop_sequence"u8);
        writer.WriteEndObject();
        AnthropicWire.WriteUsage(writer, _usage);
        writer.WriteEndObject();
        await _frames.EndAsync(cancellationToken);
        await _frames.WriteRawAsync("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"u8, cancellationToken);
    }

    /// <summary>Anthropic's in-band <c>event: error</c>, for a stream that broke after its first byte.</summary>
    public async ValueTask WriteErrorAsync(string type, string message, CancellationToken cancellationToken)
    {
        AnthropicErrorWriter.WriteBody(_frames.Begin("error"u8), type, message);
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
        var writer = _frames.Begin("message_start"u8);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "message_start"u8);
        writer.WriteStartObject("message"u8);
        writer.WriteString("id"u8, _id);
        writer.WriteString("type"u8, "message"u8);
        writer.WriteString("role"u8, "assistant"u8);
        writer.WriteString("model"u8, _model);
        writer.WriteStartArray("content"u8);
        writer.WriteEndArray();
        writer.WriteNull("stop_reason"u8);
        writer.WriteNull("stop_sequence"u8);
        AnthropicWire.WriteUsage(writer, default);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await _frames.EndAsync(cancellationToken);
    }

    private async ValueTask OpenTextBlockAsync(CancellationToken cancellationToken)
    {
        await CloseBlockAsync(cancellationToken);
        _openBlock = _nextBlock++;
        _openIsText = true;
        var writer = BeginBlockEvent("content_block_start"u8, _openBlock);
        writer.WriteStartObject("content_block"u8);
        writer.WriteString("type"u8, "text"u8);
        writer.WriteString("text"u8, ""u8);
        writer.WriteEndObject();
        await EndEventAsync(writer, cancellationToken);
    }

    private async ValueTask CloseBlockAsync(CancellationToken cancellationToken)
    {
        if (_openBlock < 0)
        {
            return;
        }

        var writer = BeginBlockEvent("content_block_stop"u8, _openBlock);
        _openBlock = -1;
        await EndEventAsync(writer, cancellationToken);
    }

    private Utf8JsonWriter BeginBlockEvent(ReadOnlySpan<byte> type, int index)
    {
        var writer = _frames.Begin(type);
        writer.WriteStartObject();
        writer.WriteString("type"u8, type);
        writer.WriteNumber("index"u8, index);
        return writer;
    }

    private async ValueTask EndEventAsync(Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteEndObject();
        await _frames.EndAsync(cancellationToken);
    }
}
