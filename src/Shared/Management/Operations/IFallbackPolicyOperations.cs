namespace Platform.Shared.Management.Operations;

/// <summary>
/// Fallback policies, for the management API (<c>/api/v1/fallback-policies</c>) and the dashboard's
/// policies page alike: timeouts, retries, which error classes retry or fall back, the circuit
/// breaker and the degraded answer. Reads are open to every role; writes need Configure.
/// </summary>
public interface IFallbackPolicyOperations
{
    /// <param name="name">Part of the name; null for all.</param>
    Task<Outcome<Page<FallbackPolicyView>>> ListAsync(string? name, int? page, int? pageSize, CancellationToken ct);

    Task<Outcome<FallbackPolicyView>> GetAsync(Guid id, CancellationToken ct);

    Task<Outcome<FallbackPolicyView>> CreateAsync(FallbackPolicyInput input, CancellationToken ct);

    /// <param name="ifMatch">ETags the caller read (If-Match); null means last writer wins.</param>
    Task<Outcome<FallbackPolicyView>> UpdateAsync(Guid id, FallbackPolicyInput input, string? ifMatch, CancellationToken ct);

    /// <summary>Refused (conflict, naming them) while routes use the policy.</summary>
    /// <returns>The policy as it was.</returns>
    Task<Outcome<FallbackPolicyView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct);

    /// <summary>The names of the routes using each of these policies, sorted; a policy no route uses maps to an empty list.</summary>
    Task<Outcome<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>> RoutesUsingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
