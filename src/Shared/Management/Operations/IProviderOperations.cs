namespace Platform.Shared.Management.Operations;

/// <summary>
/// The upstream providers of the caller's tenant, for the management API (<c>/api/v1/providers</c>)
/// and the dashboard's providers page alike, plus the catalog's health from recorded usage. The
/// credential is write-only: views say whether one is set, never what it is. Reads are open to
/// every role; writes and the connection test need Configure.
/// </summary>
public interface IProviderOperations
{
    Task<Outcome<Page<ProviderView>>> ListAsync(ProviderQuery query, CancellationToken ct);

    Task<Outcome<ProviderView>> GetAsync(Guid id, CancellationToken ct);

    Task<Outcome<ProviderView>> CreateAsync(ProviderInput input, CancellationToken ct);

    /// <summary>A null <see cref="ProviderInput.Credential"/> keeps the stored one.</summary>
    /// <param name="ifMatch">ETags the caller read (If-Match); null means last writer wins.</param>
    Task<Outcome<ProviderView>> UpdateAsync(Guid id, ProviderInput input, string? ifMatch, CancellationToken ct);

    /// <summary>Refused while models use the provider.</summary>
    /// <returns>The provider as it was.</returns>
    Task<Outcome<ProviderView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct);

    /// <summary>A real call with the stored credential; an unreachable provider is an answer (<c>Ok: false</c>), not a refusal.</summary>
    Task<Outcome<ProviderTestResult>> TestAsync(Guid id, CancellationToken ct);

    /// <summary>Calls, errors and latency per provider and per model over the window, from recorded usage.</summary>
    Task<Outcome<CatalogHealthView>> HealthAsync(CatalogHealthQuery query, CancellationToken ct);
}
