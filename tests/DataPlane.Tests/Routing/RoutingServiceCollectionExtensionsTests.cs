using Microsoft.Extensions.DependencyInjection;
using Platform.DataPlane.Health;
using Platform.DataPlane.Routing;
using Platform.DataPlane.Tests.Health;

namespace Platform.DataPlane.Tests.Routing;

public sealed class RoutingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDataPlaneRouting_NoTimeProvider_RegistersSystemClockAndSingletons()
    {
        using var provider = new ServiceCollection().AddLogging().AddDataPlaneRouting().BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(provider.GetRequiredService<CandidateSelector>(), provider.GetRequiredService<CandidateSelector>());
        Assert.Same(provider.GetRequiredService<LatencyTracker>(), provider.GetRequiredService<DeploymentHealth>().Latency);
    }

    [Fact]
    public void AddDataPlaneRouting_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var fake = new FakeTimeProvider();
        using var provider = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(fake).AddDataPlaneRouting().BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<DeploymentHealth>().Time);
    }
}
