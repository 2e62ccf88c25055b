using System.Net;
using System.Net.Sockets;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>
/// A webhook endpoint on a loopback port (HttpListener): records every request it gets (headers and
/// body) and answers 500 to the first <see cref="FailFirst"/> of them, 204 to the rest.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Task _loop;
    private int _failuresLeft;

    private WebhookReceiver(int port, int failFirst)
    {
        Port = port;
        _failuresLeft = failFirst;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks/budget";

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <param name="failFirst">How many requests get a 500 before the receiver accepts.</param>
    /// <param name="port">A port of the caller's choosing (e.g. one that was unreachable a moment ago); 0 picks a free one.</param>
    public static WebhookReceiver Start(int failFirst = 0, int port = 0) => new(port == 0 ? FreePort() : port, failFirst);

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal exception.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            lock (_received)
            {
                _received.Add(new ReceivedWebhook(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "", headers, body));
            }

            context.Response.StatusCode = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 204;
            context.Response.Close();
        }
    }
}

public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
