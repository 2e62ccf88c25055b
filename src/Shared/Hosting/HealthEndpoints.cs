using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Shared.Hosting;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <param name="databaseFailure">
    /// What an unreachable database makes readiness: unhealthy (503) by default; the data plane
    /// passes Degraded (still 200) because it serves from its last-known-good snapshot.
    /// </param>
    public static IHealthChecksBuilder AddPlatformHealthChecks(this IServiceCollection services, HealthStatus databaseFailure = HealthStatus.Unhealthy) =>
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", failureStatus: databaseFailure, tags: [ReadyTag]);

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: it can serve, database included.</summary>
    public static IEndpointRouteBuilder MapPlatformHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
