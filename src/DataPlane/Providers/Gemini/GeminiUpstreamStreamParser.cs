using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Sse;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.Gemini;

/// <summary>
/// <c>streamGenerateContent?alt=sse</c> chunks to <see cref="StreamEvent"/>s. Gemini has no end event: the chunk
/// with a finish reason (or a prompt block) is the terminal marker, and finish and usage are emitted when the
/// body ends. A function call arrives whole, so it is a start and one arguments delta.
/// </summary>
internal sealed class GeminiUpstreamStreamParser(string requestedModel, string? credential) : IUpstreamStreamParser
{
    private const string Provider = "gemini";

    private bool _started;
    private int _tools;
    private FinishReason? _finish;
    private Chat.Usage? _usage;

    public bool Done => false;

    public void Handle(SseEvent sseEvent, List<StreamEvent> output, bool started)
    {
        var chunk = GeminiChunk.Parse(sseEvent.Data.Span);
        if (chunk.Error is { } error)
        {
            throw UpstreamErrors.FromStreamError(error, Provider, credential, started);
        }

        if (!_started)
        {
            _started = true;
            output.Add(new StreamStart(chunk.ResponseId ?? GeminiIds.NewResponseId(), chunk.ModelVersion ?? requestedModel));
        }

        foreach (var text in chunk.Texts)
        {
            output.Add(new TextDelta(text));
        }

        foreach (var (name, args, id) in chunk.Calls)
        {
            var index = _tools++;
            output.Add(new ToolCallStart(index, id ?? GeminiIds.NewToolCallId(), name));
            output.Add(new ToolArgumentsDelta(index, args));
        }

        _finish = GeminiChunk.FinishReasonOf(chunk.FinishReason, chunk.BlockReason, _tools > 0) ?? _finish;
        _usage = chunk.Usage ?? _usage;
    }

    public bool Complete(List<StreamEvent> output)
    {
        if (_finish is not { } finish)
        {
            return false;
        }

        output.Add(new StreamFinish(finish));
        if (_usage is { } usage)
        {
            output.Add(new StreamUsage(usage));
        }

        return true;
    }
}
