namespace Platform.Shared.Management.Operations;

/// <summary>
/// Tiers (named quality levels listing their models in priority order), for the management API
/// (<c>/api/v1/tiers</c>) and the routes page alike. A change is refused when a route on the tier
/// could no longer be served under its constraints. Reads are open to every role; writes need Configure.
/// </summary>
public interface ITierOperations
{
    /// <param name="model">Only tiers listing this concrete model.</param>
    /// <param name="name">Part of the name.</param>
    Task<Outcome<Page<TierView>>> ListAsync(string? model, string? name, int? page, int? pageSize, CancellationToken ct);

    Task<Outcome<TierView>> GetAsync(Guid id, CancellationToken ct);

    Task<Outcome<TierView>> CreateAsync(TierInput input, CancellationToken ct);

    /// <param name="ifMatch">ETags the caller read (If-Match); null means last writer wins.</param>
    Task<Outcome<TierView>> UpdateAsync(Guid id, TierInput input, string? ifMatch, CancellationToken ct);

    /// <summary>Refused (conflict, naming them) while routes or budgets use the tier.</summary>
    /// <returns>The tier as it was.</returns>
    Task<Outcome<TierView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct);

    /// <summary>The names of the routes on each of these tiers, sorted; a tier no route uses maps to an empty list.</summary>
    Task<Outcome<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>> RoutesUsingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
