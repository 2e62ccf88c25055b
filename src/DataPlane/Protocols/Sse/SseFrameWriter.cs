using System.Buffers;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.DataPlane.Protocols.Sse;

/// <summary>
/// Writes server-sent events straight into a <see cref="PipeWriter"/> (the response's body writer) and flushes
/// each one, so the caller sees every token as it comes. One <see cref="Utf8JsonWriter"/> is reused per stream.
/// </summary>
internal sealed class SseFrameWriter(PipeWriter output) : IDisposable
{
    /// <summary>Relaxed escaping: JSON APIs need no HTML-safe escapes, and non-ASCII text stays one byte sequence.</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Utf8JsonWriter _json = new(output, JsonOptions);

    /// <summary>Starts <c>event: name\ndata: </c> (or just <c>data: </c> when the name is empty); write one JSON value next.</summary>
    public Utf8JsonWriter Begin(ReadOnlySpan<byte> eventName = default)
    {
        if (!eventName.IsEmpty)
        {
            output.Write("event: "u8);
            output.Write(eventName);
            output.Write("\n"u8);
        }

        output.Write("data: "u8);
        _json.Reset(output);
        return _json;
    }

    /// <summary>Ends the event begun by <see cref="Begin"/> and flushes it to the client.</summary>
    public ValueTask<FlushResult> EndAsync(CancellationToken cancellationToken)
    {
        _json.Flush();
        output.Write("\n\n"u8);
        return output.FlushAsync(cancellationToken);
    }

    /// <summary>A complete pre-encoded frame such as <c>data: [DONE]\n\n</c>.</summary>
    public ValueTask<FlushResult> WriteRawAsync(ReadOnlySpan<byte> frame, CancellationToken cancellationToken)
    {
        output.Write(frame);
        return output.FlushAsync(cancellationToken);
    }

    public void Dispose() => _json.Dispose();
}
