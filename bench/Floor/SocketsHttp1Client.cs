using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Bench.Floor;

/// <summary>
/// The least an HTTP/1.1 client can do, to measure what HttpClient costs on top of the sockets: keep-alive connections
/// in a stack, one request per connection at a time, answers with a Content-Length only. A measuring device for the
/// floor, not a client for the product: no chunked answers, no TLS, no retry of a connection closed while idle.
/// </summary>
internal sealed class SocketsHttp1Client(Uri upstream)
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private readonly ConcurrentStack<Socket> idle = new();
    private readonly IPEndPoint endPoint = new(IPAddress.Parse(upstream.Host), upstream.Port);

    public async Task<(int Status, ReadOnlyMemory<byte> Body)> PostJsonAsync(
        string path, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {upstream.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        var message = new byte[head.Length + body.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsMemory(head.Length));

        if (!idle.TryPop(out var socket))
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        }

        try
        {
            if (!socket.Connected)
            {
                await socket.ConnectAsync(endPoint, cancellationToken);
            }

            var answer = await ExchangeAsync(socket, message, cancellationToken);
            idle.Push(socket);
            return answer;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<(int Status, ReadOnlyMemory<byte> Body)> ExchangeAsync(
        Socket socket, byte[] message, CancellationToken cancellationToken)
    {
        await socket.SendAsync(message, SocketFlags.None, cancellationToken);
        var buffer = new byte[16 * 1024];
        var received = 0;
        var bodyStart = -1;
        var contentLength = 0;
        var status = 0;
        while (bodyStart < 0 || received < bodyStart + contentLength)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The upstream closed the connection before the answer was complete.");
            }

            received += read;
            if (bodyStart < 0 && buffer.AsSpan(0, received).IndexOf(HeaderEnd) is var end and >= 0)
            {
                (status, contentLength) = ParseHead(Encoding.ASCII.GetString(buffer, 0, end));
                bodyStart = end + HeaderEnd.Length;
                if (bodyStart + contentLength > buffer.Length)
                {
                    Array.Resize(ref buffer, bodyStart + contentLength);
                }
            }
        }

        return (status, buffer.AsMemory(bodyStart, contentLength));
    }

    private static (int Status, int ContentLength) ParseHead(string head)
    {
        var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return (status, int.Parse(line.AsSpan(15).Trim(), CultureInfo.InvariantCulture));
            }
        }

        throw new IOException("The floor's client reads only answers with a Content-Length.");
    }
}
