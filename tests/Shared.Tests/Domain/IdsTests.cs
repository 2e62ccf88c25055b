using Platform.Shared.Domain;

namespace Platform.Shared.Tests.Domain;

public sealed class IdsTests
{
    [Fact]
    public void NewVersion7_CarriesTheMillisecondAndRfc9562Bits_SortsLikeTheRuntimesVersion7()
    {
        var at = new DateTimeOffset(2026, 11, 24, 15, 0, 0, 123, TimeSpan.Zero);

        var id = Ids.NewVersion7(at);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        Assert.StartsWith(at.ToUnixTimeMilliseconds().ToString("x12", System.Globalization.CultureInfo.InvariantCulture), id.ToString("N"), StringComparison.Ordinal);
        // Same layout as the runtime's: a later millisecond sorts after, in text and as a Guid.
        var runtimeLater = Guid.CreateVersion7(at.AddMilliseconds(1));
        Assert.True(id.CompareTo(runtimeLater) < 0);
        Assert.True(string.CompareOrdinal(id.ToString(), runtimeLater.ToString()) < 0);
    }

    [Fact]
    public void NewRandom_IsVersion4()
    {
        var id = Ids.NewRandom();

        Assert.Equal(4, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
    }

    [Fact]
    public void ManyIds_FromSeveralThreadsInOneMillisecond_AreAllDistinct()
    {
        var at = DateTimeOffset.UtcNow;
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                ids.Add(Ids.NewVersion7(at));
                ids.Add(Ids.NewRandom());
            }
        });

        Assert.Equal(400_000, ids.Distinct().Count());
    }
}
