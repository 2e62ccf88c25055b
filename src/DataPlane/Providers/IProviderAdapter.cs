using Platform.DataPlane.Chat;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Forwarding;

namespace Platform.DataPlane.Providers;

/// <summary>
/// Speaks one upstream wire format. Every failure surfaces as an <see cref="UpstreamException"/>
/// with its <see cref="ErrorClass"/>; a stream fails before its first event for HTTP errors, and
/// with <see cref="ErrorClass.StreamBroken"/> when it breaks after that.
/// </summary>
internal interface IProviderAdapter
{
    Task<ChatResponse> CompleteAsync(UpstreamTarget target, ChatRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<StreamEvent> StreamAsync(UpstreamTarget target, ChatRequest request, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="UpstreamException"/> with <see cref="ErrorClass.BadRequest"/> where the format has no embeddings.</summary>
    Task<EmbeddingResponse> EmbedAsync(UpstreamTarget target, EmbeddingRequest request, CancellationToken cancellationToken);
}
