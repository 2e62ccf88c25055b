using System.Buffers;
using System.IO.Pipelines;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Protocols.Sse;

/// <summary>
/// Reads server-sent events incrementally (WHATWG HTML §9.2): <c>event:</c> and <c>data:</c> fields, multi-line
/// data joined with <c>\n</c>, comments and <c>id:</c>/<c>retry:</c> ignored, LF or CRLF line ends (Gemini sends
/// CRLF). An event is dispatched at its blank line; an unterminated event at the end of the body is dropped, as
/// the spec says, which is how a cut stream shows up to the caller.
/// </summary>
internal sealed class SseReader(Stream stream) : IAsyncDisposable
{
    private const int MaxEventBytes = 16 * 1024 * 1024;

    private readonly PipeReader _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
    private readonly PooledBufferWriter _data = new(4096);
    private readonly PooledBufferWriter _event = new(64);
    private bool _hasData;
    private bool _completed;

    /// <summary>The next event, or null when the body ended.</summary>
    public async ValueTask<SseEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        _data.Clear();
        _event.Clear();
        _hasData = false;
        if (_completed)
        {
            return null;
        }

        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (TryReadEvent(ref buffer))
            {
                // Examined only up to here: the rest may already hold the next event.
                _reader.AdvanceTo(buffer.Start);
                return new SseEvent(_event.WrittenMemory, _data.WrittenMemory);
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);

            if (result.IsCompleted)
            {
                _completed = true;
                return null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        _data.Dispose();
        _event.Dispose();
    }

    private bool TryReadEvent(ref ReadOnlySequence<byte> buffer)
    {
        var lines = new SequenceReader<byte>(buffer);
        while (lines.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            buffer = buffer.Slice(lines.Position);
            if (line.Length > 0 && EndsWithCr(line))
            {
                line = line.Slice(0, line.Length - 1);
            }

            if (line.IsEmpty)
            {
                if (_hasData)
                {
                    return true;
                }

                _event.Clear();
                continue;
            }

            ProcessLine(line);
        }

        if (buffer.Length > MaxEventBytes)
        {
            throw new InvalidDataException("A server-sent event line exceeds the size limit.");
        }

        return false;
    }

    private void ProcessLine(ReadOnlySequence<byte> line)
    {
        Span<byte> name = stackalloc byte[8];
        var colon = line.PositionOf((byte)':');
        if (colon is null)
        {
            return;
        }

        var nameLength = line.Slice(0, colon.Value).Length;
        if (nameLength == 0 || nameLength > name.Length)
        {
            // A comment (": keep-alive"), or a field we do not read.
            return;
        }

        line.Slice(0, colon.Value).CopyTo(name);
        var value = line.Slice(line.GetPosition(1, colon.Value));
        if (value.Length > 0 && value.FirstSpan[0] == (byte)' ')
        {
            value = value.Slice(1);
        }

        var field = name[..(int)nameLength];
        if (field.SequenceEqual("data"u8))
        {
            if (_hasData)
            {
                _data.GetSpan(1)[0] = (byte)'\n';
                _data.Advance(1);
            }

            Append(_data, value);
            _hasData = true;
            if (_data.WrittenCount > MaxEventBytes)
            {
                throw new InvalidDataException("A server-sent event exceeds the size limit.");
            }
        }
        else if (field.SequenceEqual("event"u8))
        {
            _event.Clear();
            Append(_event, value);
        }
    }

    private static void Append(PooledBufferWriter writer, ReadOnlySequence<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        value.CopyTo(writer.GetSpan((int)value.Length));
        writer.Advance((int)value.Length);
    }

    private static bool EndsWithCr(ReadOnlySequence<byte> line) =>
        line.IsSingleSegment ? line.FirstSpan[^1] == (byte)'\r' : line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r';
}
