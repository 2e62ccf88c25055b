using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Providers.Http;

/// <summary>One provider's stream events to <see cref="StreamEvent"/>s; one instance per stream.</summary>
internal interface IUpstreamStreamParser
{
    /// <summary>The terminal marker arrived (<c>[DONE]</c>, <c>message_stop</c>); stop reading.</summary>
    bool Done { get; }

    /// <summary>Parses one event into <paramref name="output"/>; in-band errors throw <see cref="Forwarding.UpstreamException"/>.</summary>
    void Handle(SseEvent sseEvent, List<StreamEvent> output, bool started);

    /// <summary>At the end of the body: adds trailing events and says whether the stream ended properly.</summary>
    bool Complete(List<StreamEvent> output);
}
