using System.Collections.Concurrent;
using System.Threading.Channels;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// The hand-off from the request path to the batched writer: a bounded channel, written with
/// TryWrite so recording never blocks or slows a response. When the channel is full the event goes
/// to an unbounded overflow queue instead (a lock-free enqueue, no disk I/O on the request thread);
/// the writer moves the overflow to the spool, so no event is dropped.
/// </summary>
internal sealed class UsageChannel
{
    public const int Capacity = 50_000;

    private readonly Channel<UsageEvent> _channel = Channel.CreateBounded<UsageEvent>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ConcurrentQueue<UsageEvent> _overflow = new();
    private long _overflowed;

    public ChannelReader<UsageEvent> Reader => _channel.Reader;

    /// <summary>Events that found the channel full and went to the overflow queue.</summary>
    public long Overflowed => Interlocked.Read(ref _overflowed);

    /// <summary>Always accepts: into the channel, or into the overflow queue when the channel is full or completed.</summary>
    public bool TryWrite(UsageEvent usage)
    {
        if (!_channel.Writer.TryWrite(usage))
        {
            _overflow.Enqueue(usage);
            Interlocked.Increment(ref _overflowed);
        }

        return true;
    }

    public bool TryTakeOverflow(out UsageEvent usage) => _overflow.TryDequeue(out usage!);

    public bool HasOverflow => !_overflow.IsEmpty;

    public void Complete() => _channel.Writer.TryComplete();
}
