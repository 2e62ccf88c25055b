using System.Net.Http.Headers;
using System.Text.Json;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Providers.Http;

internal delegate T BodyParser<in TState, out T>(ReadOnlySpan<byte> body, TState state);

/// <summary>The request/response plumbing the three adapters share.</summary>
internal static class UpstreamCalls
{
    /// <summary>Upper bound of a non-streamed body; anything larger is not an answer we can use.</summary>
    private const int MaxBodyBytes = 64 * 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    /// <summary>A POST of the JSON in <paramref name="body"/>; the buffer must outlive the call.</summary>
    public static HttpRequestMessage Post(Uri url, PooledBufferWriter body, bool stream)
    {
        var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = JsonMediaType;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        UpstreamHttpClient.Accept(request, stream ? "text/event-stream" : "application/json");
        return request;
    }

    /// <summary>Sends, reads the whole body and parses it; parse failures are <see cref="ErrorClass.MalformedResponse"/>.</summary>
    public static async Task<T> ReadJsonAsync<TState, T>(
        UpstreamHttpClient http,
        HttpRequestMessage request,
        string provider,
        string? credential,
        TState state,
        BodyParser<TState, T> parse,
        CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, provider, credential, cancellationToken);
        using var body = new PooledBufferWriter(16 * 1024);
        try
        {
            await UpstreamHttpClient.ReadBodyAsync(response, body, MaxBodyBytes, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not UpstreamException)
        {
            throw UpstreamHttpClient.FromTransport(exception, provider, streaming: false);
        }

        try
        {
            return parse(body.WrittenSpan, state);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw UpstreamErrors.Malformed(provider, exception is JsonException ? exception.Message : "invalid JSON", exception);
        }
    }
}
