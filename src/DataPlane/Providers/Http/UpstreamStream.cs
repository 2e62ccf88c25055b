using System.Runtime.CompilerServices;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Providers.Http;

/// <summary>
/// Reads an SSE response incrementally and yields what the parser makes of each event. Failure classes: a drop
/// or a missing terminal marker after the first yielded event is <see cref="ErrorClass.StreamBroken"/>, before it
/// <see cref="ErrorClass.Connection"/> (nothing reached the caller, so it may retry); unparseable JSON is
/// <see cref="ErrorClass.MalformedResponse"/>; the caller's cancellation propagates untouched.
/// </summary>
internal static class UpstreamStream
{
    public static async IAsyncEnumerable<StreamEvent> ReadAsync(
        HttpResponseMessage response,
        IUpstreamStreamParser parser,
        string provider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (response)
        {
            Stream body;
            try
            {
                body = await response.Content.ReadAsStreamAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw UpstreamHttpClient.FromTransport(exception, provider, streaming: false);
            }

            await using (body)
            await using (var reader = new SseReader(body))
            {
                var pending = new List<StreamEvent>(4);
                var started = false;
                while (true)
                {
                    SseEvent? next;
                    try
                    {
                        next = await reader.ReadAsync(cancellationToken);
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw exception is InvalidDataException
                            ? UpstreamErrors.Malformed(provider, exception.Message, exception)
                            : UpstreamHttpClient.FromTransport(exception, provider, streaming: started);
                    }

                    bool ended;
                    if (next is { } sseEvent)
                    {
                        Parse(parser, sseEvent, pending, started, provider);
                        ended = parser.Done;
                    }
                    else
                    {
                        if (!parser.Complete(pending))
                        {
                            throw started
                                ? new UpstreamException(ErrorClass.StreamBroken, $"{provider}: the stream ended without its terminal event.")
                                : new UpstreamException(ErrorClass.Connection, $"{provider}: the stream ended before its first event.");
                        }

                        ended = true;
                    }

                    for (var index = 0; index < pending.Count; index++)
                    {
                        started = true;
                        yield return pending[index];
                    }

                    pending.Clear();
                    if (ended)
                    {
                        yield break;
                    }
                }
            }
        }
    }

    private static void Parse(IUpstreamStreamParser parser, SseEvent sseEvent, List<StreamEvent> pending, bool started, string provider)
    {
        try
        {
            parser.Handle(sseEvent, pending, started);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw UpstreamErrors.Malformed(provider, "an unparseable stream event", exception);
        }
    }
}
