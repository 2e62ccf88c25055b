using System.Text;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class SseReaderTests
{
    /// <summary>Hands out at most a few bytes per read, so events straddle buffer boundaries.</summary>
    private sealed class TricklingStream(byte[] data, int maxRead) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(Math.Min(maxRead, buffer.Length), data.Length - _position);
            data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static async Task<List<(string Event, string Data)>> ReadAllAsync(string text, int maxRead)
    {
        await using var reader = new SseReader(new TricklingStream(Encoding.UTF8.GetBytes(text), maxRead));
        var events = new List<(string, string)>();
        while (await reader.ReadAsync(default) is { } sseEvent)
        {
            events.Add((Encoding.UTF8.GetString(sseEvent.Event.Span), Encoding.UTF8.GetString(sseEvent.Data.Span)));
        }

        return events;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task ReadAsync_MixedFraming_ParsesEveryEvent(int maxRead)
    {
        const string text =
            ": keep-alive comment\n\n" +
            "event: message_start\ndata: {\"a\":1}\n\n" +
            "data: line one\r\ndata: line two\r\n\r\n" +
            "id: 7\nretry: 100\ndata:no-space\n\n" +
            "event: ping\n\n" +
            "data: [DONE]\n\n";

        var events = await ReadAllAsync(text, maxRead);

        Assert.Equal(
            [("message_start", "{\"a\":1}"), ("", "line one\nline two"), ("", "no-space"), ("", "[DONE]")],
            events);
    }

    [Fact]
    public async Task ReadAsync_UnterminatedLastEvent_IsDropped()
    {
        var events = await ReadAllAsync("data: complete\n\ndata: cut sho", 5);

        Assert.Equal([("", "complete")], events);
    }

    [Fact]
    public async Task ReadAsync_SeveralEventsInOneBuffer_ReturnsEachWithoutWaiting()
    {
        var events = await ReadAllAsync("data: 1\n\ndata: 2\n\ndata: 3\n\n", 4096);

        Assert.Equal(["1", "2", "3"], events.Select(e => e.Data));
    }
}
