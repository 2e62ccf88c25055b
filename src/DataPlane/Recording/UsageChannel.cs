using System.Threading.Channels;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// The hand-off from the request path to the batched writer: a bounded channel, written with
/// TryWrite so recording never blocks or slows a response.
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

    private long _dropped;

    public ChannelReader<UsageEvent> Reader => _channel.Reader;

    /// <summary>Events refused because the channel was full (the spool of the usage issue removes this case).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public bool TryWrite(UsageEvent usage)
    {
        if (_channel.Writer.TryWrite(usage))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
