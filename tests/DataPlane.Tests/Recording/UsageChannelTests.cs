using Platform.DataPlane.Recording;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Recording;

public sealed class UsageChannelTests
{
    [Fact]
    public void TryWrite_ChannelFull_EventGoesToOverflowNotDropped()
    {
        var channel = new UsageChannel();
        for (var i = 0; i < UsageChannel.Capacity; i++)
        {
            Assert.True(channel.TryWrite(new UsageEvent { Endpoint = "chat" }));
        }

        var extra = new UsageEvent { Endpoint = "chat" };
        Assert.True(channel.TryWrite(extra));

        Assert.Equal(1, channel.Overflowed);
        Assert.True(channel.HasOverflow);
        Assert.True(channel.TryTakeOverflow(out var taken));
        Assert.Same(extra, taken);
        Assert.False(channel.TryTakeOverflow(out _));
    }
}
