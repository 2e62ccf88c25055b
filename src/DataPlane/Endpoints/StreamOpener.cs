using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Providers;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// The streaming attempt the executor runs: open the upstream stream and wait for its first event
/// within the first-token timeout. Only then is the stream handed back, so every failure up to the
/// first byte can still be retried or fallen back from.
/// </summary>
internal static class StreamOpener
{
    public static async Task<OpenedStream> OpenAsync(
        IProviderAdapter adapter,
        UpstreamTarget target,
        ChatRequest request,
        ModelPolicy model,
        FallbackRules rules,
        CancellationToken requestAborted,
        CancellationToken attempt)
    {
        // The stream outlives the attempt, so it gets its own token: the caller leaving always
        // cancels it, the attempt's token only while opening.
        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        lifetime.CancelAfter(rules.FirstTokenTimeout);
        IAsyncEnumerator<StreamEvent>? events = null;
        try
        {
            using (attempt.Register(static s => ((CancellationTokenSource)s!).Cancel(), lifetime))
            {
                events = adapter.StreamAsync(target, request, lifetime.Token).GetAsyncEnumerator(lifetime.Token);
                if (!await events.MoveNextAsync())
                {
                    throw new UpstreamException(ErrorClass.StreamBroken, $"{model.Name} ended its stream before the first event.");
                }
            }

            lifetime.CancelAfter(rules.OverallDeadline);
            return new OpenedStream(model, new PrependedEnumerator(events), lifetime);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested && !attempt.IsCancellationRequested)
        {
            await DisposeAsync(events, lifetime);
            throw new UpstreamException(ErrorClass.Timeout,
                $"{model.Name} sent no first token within {rules.FirstTokenTimeout.TotalMilliseconds:0} ms.");
        }
        catch
        {
            await DisposeAsync(events, lifetime);
            throw;
        }
    }

    private static async ValueTask DisposeAsync(IAsyncEnumerator<StreamEvent>? events, CancellationTokenSource lifetime)
    {
        if (events is not null)
        {
            await events.DisposeAsync();
        }

        lifetime.Dispose();
    }

    /// <summary>Replays the already-read first event, then continues the upstream enumerator.</summary>
    private sealed class PrependedEnumerator(IAsyncEnumerator<StreamEvent> inner) : IAsyncEnumerator<StreamEvent>
    {
        private bool _firstPending = true;

        public StreamEvent Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_firstPending)
            {
                _firstPending = false;
                return ValueTask.FromResult(true);
            }

            return inner.MoveNextAsync();
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
