using System.IO.Pipelines;

namespace Platform.Benchmarks.Sinks;

/// <summary>
/// A <see cref="PipeWriter"/> that drops what it is given into one reused buffer and flushes synchronously, so
/// a benchmark measures the translation and not a socket, a pipe or <c>PipeWriter.Create(Stream.Null)</c>'s own
/// allocations. <see cref="BytesWritten"/> keeps the optimizer honest.
/// </summary>
internal sealed class NullPipeWriter : PipeWriter
{
    private readonly byte[] _buffer = new byte[64 * 1024];

    public long BytesWritten { get; private set; }

    public override void Advance(int bytes) => BytesWritten += bytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => sizeHint <= _buffer.Length ? _buffer : new byte[sizeHint];

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        new(new FlushResult(isCanceled: false, isCompleted: false));

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    public void Reset() => BytesWritten = 0;
}
