using System.Threading.Channels;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// The hand-off from the request path to the batched writer: a bounded channel, written with
/// TryWrite so recording never blocks or slows a response. Memory stays bounded by
/// <see cref="Capacity"/> events (about 1 KB each with one attempt, so some 50 MB at worst): when
/// the channel is full the event is dropped from memory. It is already in the
/// <see cref="UsageJournal"/>, and the writer, seeing <see cref="Dropped"/> move, replays the
/// journal's entries that are not yet durable. Only an event that was not journaled (journal off,
/// or its segment could not be created) is lost that way, and counted in <see cref="Lost"/>.
/// </summary>
internal sealed class UsageChannel(int capacity = UsageChannel.Capacity)
{
    public const int Capacity = 50_000;

    private readonly Channel<JournaledUsage> _channel = Channel.CreateBounded<JournaledUsage>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private long _dropped;
    private long _lost;

    public ChannelReader<JournaledUsage> Reader => _channel.Reader;

    /// <summary>Events that found the channel full (or completed) and were left to the journal.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Dropped events that were not in the journal either: gone.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>An event that was not journaled.</summary>
    public bool TryWrite(UsageEvent usage) => TryWrite(new JournaledUsage(usage, default));

    /// <returns>False when the channel was full and the event was dropped from memory.</returns>
    public bool TryWrite(JournaledUsage usage)
    {
        if (_channel.Writer.TryWrite(usage))
        {
            return true;
        }

        // After the journal append, so a writer that sees the count sees the entry.
        Interlocked.Increment(ref _dropped);
        if (!usage.Entry.IsJournaled)
        {
            Interlocked.Increment(ref _lost);
        }

        return false;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
