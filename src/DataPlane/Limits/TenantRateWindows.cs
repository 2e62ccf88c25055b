using System.Collections.Concurrent;

namespace Platform.DataPlane.Limits;

/// <summary>
/// A tenant's windows: its own and one per key. One lock for all of them, so a call is checked
/// against its key and its tenant and counted in both in one step, without lock ordering.
/// </summary>
internal sealed class TenantRateWindows(Guid tenantId)
{
    private readonly ConcurrentDictionary<Guid, RateWindow> _keys = new();

    public Guid TenantId { get; } = tenantId;

    public Lock Gate { get; } = new();

    public RateWindow Tenant { get; } = new(tenantId, RateScopes.Tenant);

    public RateWindow Key(Guid keyId) =>
        _keys.GetOrAdd(keyId, static (id, tenant) => new RateWindow(tenant, RateScopes.Key(id)), TenantId);

    /// <summary>The tenant's window, then every key's; for the sync, never the request path.</summary>
    public IEnumerable<RateWindow> All()
    {
        yield return Tenant;
        foreach (var (_, window) in _keys)
        {
            yield return window;
        }
    }
}
