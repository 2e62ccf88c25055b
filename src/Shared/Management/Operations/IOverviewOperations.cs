namespace Platform.Shared.Management.Operations;

/// <summary>The dashboard's home page: traffic, errors, fallbacks, latency and spend of the caller's tenant. Read only, every role.</summary>
public interface IOverviewOperations
{
    Task<Outcome<OverviewView>> GetAsync(OverviewQuery query, CancellationToken ct);
}
