using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Simulator.Streaming;

/// <summary>
/// One response body built up front as a list of frames (SSE events or JSON-array items), so a fault can
/// play half of it and the happy path can send it in one write.
/// </summary>
internal sealed class FrameBuffer : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly List<int> _ends = new(16);
    private readonly Utf8JsonWriter _json;

    public FrameBuffer() => _json = new Utf8JsonWriter(_buffer, Options);

    public int Count => _ends.Count;

    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    /// <summary>Starts a frame with <paramref name="prefix"/> (e.g. <c>data: </c>) and returns the writer for its JSON.</summary>
    public Utf8JsonWriter BeginJson(ReadOnlySpan<byte> prefix)
    {
        _buffer.Write(prefix);
        _json.Reset(_buffer);
        return _json;
    }

    /// <summary>Starts an SSE frame <c>event: name\ndata: </c> and returns the writer for its JSON.</summary>
    public Utf8JsonWriter BeginEvent(ReadOnlySpan<byte> eventName)
    {
        _buffer.Write("event: "u8);
        _buffer.Write(eventName);
        return BeginJson("\ndata: "u8);
    }

    public void EndJson(ReadOnlySpan<byte> suffix)
    {
        _json.Flush();
        _buffer.Write(suffix);
        _ends.Add(_buffer.WrittenCount);
    }

    public void WriteFrame(ReadOnlySpan<byte> frame)
    {
        _buffer.Write(frame);
        _ends.Add(_buffer.WrittenCount);
    }

    public ReadOnlyMemory<byte> Frame(int index) =>
        _buffer.WrittenMemory[(index == 0 ? 0 : _ends[index - 1]).._ends[index]];

    /// <summary>The first <paramref name="frames"/> frames as one block.</summary>
    public ReadOnlyMemory<byte> Prefix(int frames) => frames == 0 ? default : _buffer.WrittenMemory[.._ends[frames - 1]];

    public void Dispose() => _json.Dispose();
}
