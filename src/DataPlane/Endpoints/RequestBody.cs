using System.Buffers;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// Reads a request body into one pooled buffer, refusing anything over the configured limit
/// before it is all in memory.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _rented;

    private RequestBody(byte[] rented, int length)
    {
        _rented = rented;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _rented.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _rented.AsMemory(0, Length);

    /// <returns>The body, or null when it is larger than <paramref name="limit"/> bytes.</returns>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var initial = request.ContentLength is > 0 and var known ? (int)known + 1 : 16 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initial, limit + 1));
        var length = 0;
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            foreach (var segment in result.Buffer)
            {
                if (length + segment.Length > limit)
                {
                    reader.AdvanceTo(result.Buffer.End);
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                if (length + segment.Length > buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(buffer.Length * 2, length + segment.Length), limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                segment.Span.CopyTo(buffer.AsSpan(length));
                length += segment.Length;
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return new RequestBody(buffer, length);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
