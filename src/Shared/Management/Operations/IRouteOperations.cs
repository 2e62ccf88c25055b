namespace Platform.Shared.Management.Operations;

/// <summary>
/// Task routes and the routing dry run, for the management API (<c>/api/v1/routes</c>,
/// <c>/api/v1/routing/dry-run</c>) and the dashboard's routes page alike. A write is checked as a
/// whole: what it names must exist and some model it can fall back to must meet its constraints.
/// </summary>
public interface IRouteOperations
{
    Task<Outcome<Page<RouteView>>> ListAsync(RouteQuery query, CancellationToken ct);

    Task<Outcome<RouteView>> GetAsync(Guid id, CancellationToken ct);

    Task<Outcome<RouteView>> CreateAsync(RouteInput input, CancellationToken ct);

    /// <param name="ifMatch">ETags the caller read (If-Match); null means last writer wins.</param>
    Task<Outcome<RouteView>> UpdateAsync(Guid id, RouteInput input, string? ifMatch, CancellationToken ct);

    /// <summary>Refused while an API key's scope names the route.</summary>
    /// <returns>The route as it was.</returns>
    Task<Outcome<RouteView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct);

    /// <summary>The catalog models of these names (unknown names are left out), to show a chain's capabilities, region and prices.</summary>
    Task<Outcome<IReadOnlyList<ModelView>>> ChainModelsAsync(IReadOnlyCollection<string> names, CancellationToken ct);

    /// <summary>Which candidates a sample request would get and why, without calling anything; every role may ask.</summary>
    Task<Outcome<DryRunResult>> DryRunAsync(DryRunInput input, CancellationToken ct);
}
