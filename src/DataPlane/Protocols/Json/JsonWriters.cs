using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Protocols.Json;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread for the writers of whole bodies (answers, upstream requests):
/// a new writer per body was about a tenth of what a proxied call allocated (bench/README.md). Rent, write,
/// <see cref="Return"/>; a writer rented while the thread's own is out is a new one, and one not returned
/// (its body failed half-way) is left to the GC.
/// </summary>
internal static class JsonWriters
{
    // Where a returned writer points until its next body, so it holds no caller's buffer.
    private static readonly ArrayBufferWriter<byte> Detached = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? _idle;

    /// <summary>A writer onto <paramref name="output"/>, with <see cref="SseFrameWriter.JsonOptions"/>.</summary>
    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = _idle;
        if (writer is null)
        {
            return new Utf8JsonWriter(output, SseFrameWriter.JsonOptions);
        }

        _idle = null;
        writer.Reset(output);
        return writer;
    }

    /// <summary>Flushes the writer into its output and keeps it for the thread's next body.</summary>
    public static void Return(Utf8JsonWriter writer)
    {
        writer.Flush();
        writer.Reset(Detached);
        _idle = writer;
    }
}
