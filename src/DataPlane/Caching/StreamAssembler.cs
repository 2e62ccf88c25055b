using System.Text;
using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Caching;

/// <summary>
/// Collects a relayed stream into the <see cref="ChatResponse"/> it amounts to, so a stream that
/// ended normally can be stored like a JSON answer. Only made for calls that are cached.
/// </summary>
internal sealed class StreamAssembler
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Id, string Name, StringBuilder Arguments)> _toolCalls = [];
    private string _id = "";
    private string _model = "";
    private FinishReason? _finish;

    public void Add(StreamEvent streamEvent)
    {
        switch (streamEvent)
        {
            case StreamStart start:
                _id = start.Id;
                _model = start.Model;
                break;
            case TextDelta text:
                _text.Append(text.Text);
                break;
            case ToolCallStart call:
                while (_toolCalls.Count <= call.Index)
                {
                    _toolCalls.Add(("", "", new StringBuilder()));
                }

                _toolCalls[call.Index] = (call.Id, call.Name, _toolCalls[call.Index].Arguments);
                break;
            case ToolArgumentsDelta arguments when arguments.Index < _toolCalls.Count:
                _toolCalls[arguments.Index].Arguments.Append(arguments.Fragment);
                break;
            case StreamFinish finish:
                _finish = finish.Reason;
                break;
        }
    }

    /// <summary>The whole answer, or null when the stream never said how it finished.</summary>
    public ChatResponse? Build(Usage usage)
    {
        if (_finish is not { } finish)
        {
            return null;
        }

        var toolCalls = new ToolCall[_toolCalls.Count];
        for (var i = 0; i < toolCalls.Length; i++)
        {
            toolCalls[i] = new ToolCall(_toolCalls[i].Id, _toolCalls[i].Name, _toolCalls[i].Arguments.ToString());
        }

        return new ChatResponse
        {
            Id = _id,
            Model = _model,
            Text = _text.ToString(),
            ToolCalls = toolCalls,
            FinishReason = finish,
            Usage = usage,
        };
    }
}
