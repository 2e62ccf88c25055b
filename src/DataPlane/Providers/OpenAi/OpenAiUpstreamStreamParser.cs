using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Sse;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.OpenAi;

/// <summary>
/// <c>chat.completion.chunk</c> events to <see cref="StreamEvent"/>s; <c>data: [DONE]</c> ends the stream. A tool
/// call starts when its delta carries an <c>id</c>; later deltas of the same index carry argument fragments.
/// </summary>
internal sealed class OpenAiUpstreamStreamParser(string requestedModel, string? credential) : IUpstreamStreamParser
{
    private const string Provider = "openai-compatible";

    private bool _started;
    private bool _finished;

    public bool Done { get; private set; }

    public void Handle(SseEvent sseEvent, List<StreamEvent> output, bool started)
    {
        var data = sseEvent.Data.Span;
        if (data.SequenceEqual("[DONE]"u8))
        {
            Done = true;
            return;
        }

        var reader = new Utf8JsonReader(data);
        UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, model = null;
        var mark = output.Count;
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
            else if (reader.ValueTextEquals("choices"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartArray);
                while (UpstreamJson.NextItem(ref reader))
                {
                    ReadChoice(ref reader, output);
                }
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                if (OpenAiUpstreamResponseParser.ReadUsage(ref reader) is { } usage)
                {
                    output.Add(new StreamUsage(usage));
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                throw UpstreamErrors.FromStreamError(ProviderErrorBody.ParseError(ref reader), Provider, credential, started);
            }
            else
            {
                reader.Skip();
            }
        }

        if (!_started)
        {
            _started = true;
            output.Insert(mark, new StreamStart(id ?? "chatcmpl-upstream", model ?? requestedModel));
        }
    }

    public bool Complete(List<StreamEvent> output) => Done;

    private void ReadChoice(ref Utf8JsonReader reader, List<StreamEvent> output)
    {
        string? finish = null;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadDelta(ref reader, output);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                finish = UpstreamJson.NullableString(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (finish is not null && !_finished)
        {
            _finished = true;
            output.Add(new StreamFinish(OpenAiUpstreamResponseParser.FinishReasonOf(finish, hasToolCalls: false)));
        }
    }

    private static void ReadDelta(ref Utf8JsonReader reader, List<StreamEvent> output)
    {
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("content"u8))
            {
                if (UpstreamJson.NullableString(ref reader) is { Length: > 0 } text)
                {
                    output.Add(new TextDelta(text));
                }
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (UpstreamJson.NextItem(ref reader))
                {
                    ReadToolCallDelta(ref reader, output);
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void ReadToolCallDelta(ref Utf8JsonReader reader, List<StreamEvent> output)
    {
        int index = 0;
        string? id = null, name = null, arguments = null;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("index"u8))
            {
                index = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                id = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("name"u8))
                    {
                        name = UpstreamJson.NullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("arguments"u8))
                    {
                        arguments = UpstreamJson.NullableString(ref reader);
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

        if (id is not null)
        {
            output.Add(new ToolCallStart(index, id, name ?? ""));
        }

        if (!string.IsNullOrEmpty(arguments))
        {
            output.Add(new ToolArgumentsDelta(index, arguments));
        }
    }
}
