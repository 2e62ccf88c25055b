using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Protocols.Json;
using Platform.Shared.Hosting;

namespace Platform.DataPlane.Providers.Http;

/// <summary>
/// The one outbound HTTP client of the data plane, tuned like YARP's forwarder client: no redirects, no
/// decompression, no cookies, no proxy, pooled connections recycled every 2 minutes (DNS changes), a 5 s connect
/// timeout and no overall timeout (the executor's token decides how long an attempt may take). Sends, and turns
/// transport failures and error statuses into <see cref="UpstreamException"/>.
/// </summary>
internal sealed class UpstreamHttpClient(HttpClient client, TimeProvider time)
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    public TimeProvider Time => time;

    /// <param name="addresses">Which addresses it may connect to; <see cref="OutboundAddressPolicy.Default"/> when null.</param>
    public static SocketsHttpHandler CreateHandler(OutboundAddressPolicy? addresses = null) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        EnableMultipleHttp2Connections = true,
        ActivityHeadersPropagator = null,
        ConnectCallback = (addresses ?? OutboundAddressPolicy.Default).ConnectAsync,
    };

    public static HttpClient CreateClient(OutboundAddressPolicy? addresses = null) =>
        new(CreateHandler(addresses), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Sends with headers-read completion and returns a 2xx response, whose body the caller reads and disposes.
    /// Anything else throws <see cref="UpstreamException"/>; the caller's cancellation propagates as is.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, string provider, string? credential, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not UpstreamException)
        {
            throw FromTransport(exception, provider, streaming: false);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            using var body = new PooledBufferWriter(4096);
            try
            {
                await ReadBodyAsync(response, body, MaxErrorBodyBytes, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The status alone classifies the error; a cut error body changes nothing.
            }

            throw UpstreamErrors.FromStatus(
                (int)response.StatusCode, ProviderErrorBody.Parse(body.WrittenSpan), RetryAfterOf(response), provider, credential);
        }
    }

    /// <summary>Reads a whole (non-streamed) body; a connection drop mid-body is <see cref="ErrorClass.Connection"/>.</summary>
    public static async Task ReadBodyAsync(HttpResponseMessage response, PooledBufferWriter into, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        while (true)
        {
            var read = await stream.ReadAsync(into.GetMemory(8192), cancellationToken);
            if (read == 0)
            {
                return;
            }

            into.Advance(read);
            if (into.WrittenCount > limit)
            {
                throw new UpstreamException(ErrorClass.MalformedResponse, $"The upstream body exceeds {limit} bytes.", (int)response.StatusCode);
            }
        }
    }

    /// <summary>Connection refused, reset, DNS, TLS: <see cref="ErrorClass.Connection"/>; mid-stream: <see cref="ErrorClass.StreamBroken"/>.</summary>
    public static UpstreamException FromTransport(Exception exception, string provider, bool streaming)
    {
        if (exception is UpstreamException upstream)
        {
            return upstream;
        }

        if (exception is OperationCanceledException)
        {
            // Not the caller's token: the connect timeout or the handler gave up.
            return new UpstreamException(ErrorClass.Timeout, $"{provider}: the connection attempt timed out.", inner: exception);
        }

        var detail = Describe(exception);
        return streaming
            ? new UpstreamException(ErrorClass.StreamBroken, $"{provider}: the stream broke: {detail}", inner: exception)
            : new UpstreamException(ErrorClass.Connection, $"{provider}: connection failed: {detail}", inner: exception);
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => RetryAfter.Parse(response.Headers, time.GetUtcNow());

    private static string Describe(Exception exception)
    {
        // The caller learns why, not the provider's address: that is the tenant's configuration.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OutboundAddressRefusedException refused)
            {
                return $"refused by the outbound address policy (a {refused.Reason} address)";
            }
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode.ToString();
            }

            if (current is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http)
            {
                return http.HttpRequestError.ToString();
            }

            if (current is HttpIOException io)
            {
                return io.HttpRequestError.ToString();
            }
        }

        return exception.GetType().Name;
    }

    /// <summary>
    /// The media type is one of our constants: added unparsed, it goes on the wire as is without a
    /// <see cref="MediaTypeWithQualityHeaderValue"/> (and the header store's parse) per call.
    /// </summary>
    public static void Accept(HttpRequestMessage request, string mediaType) =>
        request.Headers.TryAddWithoutValidation("Accept", mediaType);
}
