using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.DataPlane.Health;

namespace Platform.DataPlane.Routing;

internal static class RoutingServiceCollectionExtensions
{
    /// <summary>Candidate selection, the deployment breakers and the latency tracker, all singletons.</summary>
    public static IServiceCollection AddDataPlaneRouting(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeploymentHealth>();
        services.TryAddSingleton<LatencyTracker>();
        services.TryAddSingleton(sp => new CandidateSelector(
            sp.GetRequiredService<DeploymentHealth>(),
            sp.GetRequiredService<LatencyTracker>(),
            sp.GetRequiredService<TimeProvider>(),
            Random.Shared));
        return services;
    }
}
