using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Endpoints;

internal static class JsonBody
{
    /// <summary>
    /// Sends a whole JSON answer with its Content-Length, in one write: the client has all of it
    /// at once instead of waiting for a chunked terminator after the handler returns.
    /// </summary>
    public static Task WriteAsync(HttpResponse response, PooledBufferWriter buffer, CancellationToken ct)
    {
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory, ct).AsTask();
    }
}
