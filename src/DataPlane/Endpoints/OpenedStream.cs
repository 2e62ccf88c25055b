using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// An upstream stream that produced its first event and is ready to be relayed. Until then nothing
/// has reached the client, so the executor could still fall back; from here on it cannot.
/// </summary>
internal sealed class OpenedStream(ModelPolicy model, IAsyncEnumerator<StreamEvent> events, CancellationTokenSource lifetime)
    : IAsyncDisposable
{
    public ModelPolicy Model { get; } = model;

    public IAsyncEnumerator<StreamEvent> Events { get; } = events;

    /// <summary>Cancels the upstream read: the caller left or the overall deadline passed.</summary>
    public CancellationToken Token => lifetime.Token;

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        lifetime.Dispose();
    }
}
