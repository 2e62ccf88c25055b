using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.DataPlane.Configuration;

/// <summary>
/// Ready to serve means holding policy: from the database, or (degraded) from the last-known-good
/// file. Only a data plane with neither is unready.
/// </summary>
internal sealed class PolicySnapshotReadyCheck(PolicyStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        var result = snapshot.LoadedAt == default && snapshot.Tenants.Count == 0
            ? HealthCheckResult.Unhealthy("No policy loaded yet: neither the database nor a last-known-good snapshot was readable.")
            : snapshot.FromLastKnownGood
                ? HealthCheckResult.Degraded($"Serving the last-known-good policy saved {snapshot.LoadedAt:u}.")
                : HealthCheckResult.Healthy();
        return Task.FromResult(result);
    }
}
