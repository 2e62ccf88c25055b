using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Sse;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.Anthropic;

/// <summary>
/// Messages stream events to <see cref="StreamEvent"/>s: message_start → start, text blocks → text deltas,
/// tool_use blocks → a tool call (numbered 0, 1, ... in block order) and its input_json_delta fragments,
/// message_delta → finish and the complete usage, message_stop ends the stream. Thinking deltas are dropped.
/// </summary>
internal sealed class AnthropicUpstreamStreamParser(string requestedModel, string? credential) : IUpstreamStreamParser
{
    private const string Provider = "anthropic";

    private readonly AnthropicUsage _usage = new();
    private readonly List<int> _toolOfBlock = [];
    private int _tools;
    private bool _started;

    public bool Done { get; private set; }

    public void Handle(SseEvent sseEvent, List<StreamEvent> output, bool started)
    {
        var name = sseEvent.Event.Span;
        if (name.SequenceEqual("ping"u8))
        {
            return;
        }

        if (name.SequenceEqual("message_stop"u8))
        {
            Done = true;
            return;
        }

        var reader = new Utf8JsonReader(sseEvent.Data.Span);
        UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
        if (name.SequenceEqual("message_start"u8))
        {
            MessageStart(ref reader, output);
        }
        else if (name.SequenceEqual("content_block_start"u8))
        {
            BlockStart(ref reader, output);
        }
        else if (name.SequenceEqual("content_block_delta"u8))
        {
            BlockDelta(ref reader, output);
        }
        else if (name.SequenceEqual("message_delta"u8))
        {
            MessageDelta(ref reader, output);
        }
        else if (name.SequenceEqual("error"u8))
        {
            while (UpstreamJson.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                    throw UpstreamErrors.FromStreamError(ProviderErrorBody.ParseError(ref reader), Provider, credential, started);
                }

                reader.Skip();
            }

            throw UpstreamErrors.FromStreamError(default, Provider, credential, started);
        }
    }

    public bool Complete(List<StreamEvent> output) => Done;

    private void MessageStart(ref Utf8JsonReader reader, List<StreamEvent> output)
    {
        string? id = null, model = null;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (!reader.ValueTextEquals("message"u8))
            {
                reader.Skip();
                continue;
            }

            UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
            while (UpstreamJson.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    id = UpstreamJson.NullableString(ref reader);
                }
                else if (reader.ValueTextEquals("model"u8))
                {
                    model = UpstreamJson.NullableString(ref reader);
                }
                else if (reader.ValueTextEquals("usage"u8))
                {
                    _usage.Read(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        if (!_started)
        {
            _started = true;
            output.Add(new StreamStart(id ?? "msg_upstream", model ?? requestedModel));
        }
    }

    private void BlockStart(ref Utf8JsonReader reader, List<StreamEvent> output)
    {
        var index = -1;
        string? type = null, id = null, name = null, text = null;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                index = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("content_block"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("type"u8))
                    {
                        type = UpstreamJson.NullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("id"u8))
                    {
                        id = UpstreamJson.NullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("name"u8))
                    {
                        name = UpstreamJson.NullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("text"u8))
                    {
                        text = UpstreamJson.NullableString(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (index < 0)
        {
            throw new JsonException("content_block_start has no index.");
        }

        if (type == "tool_use")
        {
            while (_toolOfBlock.Count <= index)
            {
                _toolOfBlock.Add(-1);
            }

            _toolOfBlock[index] = _tools;
            output.Add(new ToolCallStart(_tools++, id ?? throw new JsonException("tool_use has no id."), name ?? ""));
        }
        else if (type == "text" && !string.IsNullOrEmpty(text))
        {
            output.Add(new TextDelta(text));
        }
    }

    private void BlockDelta(ref Utf8JsonReader reader, List<StreamEvent> output)
    {
        var index = -1;
        string? type = null, text = null, partialJson = null;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                index = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("type"u8))
                    {
                        type = UpstreamJson.NullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("text"u8))
                    {
                        text = UpstreamJson.NullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("partial_json"u8))
                    {
                        partialJson = UpstreamJson.NullableString(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (type == "text_delta" && !string.IsNullOrEmpty(text))
        {
            output.Add(new TextDelta(text));
        }
        else if (type == "input_json_delta" && !string.IsNullOrEmpty(partialJson))
        {
            var tool = index >= 0 && index < _toolOfBlock.Count ? _toolOfBlock[index] : -1;
            output.Add(new ToolArgumentsDelta(tool >= 0 ? tool : throw new JsonException("input_json_delta for a block that is not a tool_use."), partialJson));
        }
    }

    private void MessageDelta(ref Utf8JsonReader reader, List<StreamEvent> output)
    {
        string? stopReason = null;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("delta"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("stop_reason"u8))
                    {
                        stopReason = UpstreamJson.NullableString(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                _usage.Read(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        output.Add(new StreamFinish(AnthropicUpstreamResponseParser.FinishReasonOf(stopReason, _tools > 0)));
        if (_usage.Seen)
        {
            output.Add(new StreamUsage(_usage.ToUsage()));
        }
    }
}
