using Platform.DataPlane.Chat;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.DataPlane.Endpoints;

/// <summary>One face over the OpenAI and Anthropic stream writers.</summary>
internal sealed class ClientStreamWriter(HttpContext context, Dialect dialect, bool includeUsage, long created) : IDisposable
{
    private readonly OpenAiStreamWriter? _openAi = dialect == Dialect.OpenAi ? new OpenAiStreamWriter(context.Response.BodyWriter, includeUsage, created) : null;
    private readonly AnthropicStreamWriter? _anthropic = dialect == Dialect.Anthropic ? new AnthropicStreamWriter(context.Response.BodyWriter) : null;

    public ValueTask WriteAsync(StreamEvent streamEvent, CancellationToken ct) =>
        _openAi?.WriteAsync(streamEvent, ct) ?? _anthropic!.WriteAsync(streamEvent, ct);

    public ValueTask CompleteAsync(CancellationToken ct) =>
        _openAi?.CompleteAsync(ct) ?? _anthropic!.CompleteAsync(ct);

    /// <summary>A terminal error event; the caller may already be gone, which is not an error here.</summary>
    public async Task TryWriteErrorAsync(ErrorClass errorClass, string message)
    {
        try
        {
            if (_openAi is not null)
            {
                await _openAi.WriteErrorAsync(message, "api_error", ErrorResponses.CodeFor(errorClass), context.RequestAborted);
            }
            else
            {
                await _anthropic!.WriteErrorAsync("api_error", message, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // Nothing more can reach this caller.
        }
    }

    public void Dispose()
    {
        _openAi?.Dispose();
        _anthropic?.Dispose();
    }
}
