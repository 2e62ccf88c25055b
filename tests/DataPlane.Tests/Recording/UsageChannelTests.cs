using Platform.DataPlane.Recording;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Recording;

public sealed class UsageChannelTests : IDisposable
{
    private readonly RecordingTestDatabase _database = new();

    [Fact]
    public void TryWrite_ChannelFull_DropsFromMemoryAndCountsJournaledAndLostApart()
    {
        using var journal = _database.Journal();
        var channel = new UsageChannel(capacity: 2);
        Assert.True(channel.TryWrite(new UsageEvent { Endpoint = "chat" }));
        Assert.True(channel.TryWrite(new UsageEvent { Endpoint = "chat" }));

        var journaled = _database.Event();
        Assert.False(channel.TryWrite(new JournaledUsage(journaled, journal.Append(journaled))));
        Assert.False(channel.TryWrite(new UsageEvent { Endpoint = "chat" }));

        Assert.Equal(2, channel.Dropped);
        Assert.Equal(1, channel.Lost);
        Assert.Equal(2, channel.Reader.Count);
    }

    public void Dispose() => _database.Dispose();
}
