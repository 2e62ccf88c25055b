namespace Platform.Shared.Management.Operations;

/// <summary>
/// Data-plane API keys, for the management API (<c>/api/v1/keys</c>) and the dashboard's keys page
/// alike. Every method acts as the caller of its scope, in the caller's tenant: it checks the role,
/// validates, writes the audit entry, and answers refusals as an <see cref="Outcome{T}"/>.
/// </summary>
public interface IApiKeyOperations
{
    Task<Outcome<Page<ApiKeyView>>> ListAsync(ApiKeyQuery query, CancellationToken ct);

    Task<Outcome<ApiKeyView>> GetAsync(Guid id, CancellationToken ct);

    /// <summary>The answer carries the secret: the only time it is shown.</summary>
    Task<Outcome<ApiKeyWithSecret>> CreateAsync(ApiKeyInput input, CancellationToken ct);

    /// <param name="ifMatch">ETags the caller read (If-Match); null means last writer wins.</param>
    Task<Outcome<ApiKeyView>> UpdateAsync(Guid id, ApiKeyInput input, string? ifMatch, CancellationToken ct);

    /// <summary>A new secret replaces the old one at once; the answer carries it.</summary>
    Task<Outcome<ApiKeyWithSecret>> RotateAsync(Guid id, string? ifMatch, CancellationToken ct);

    /// <summary>Idempotent: revoking a revoked key answers the key as it is.</summary>
    Task<Outcome<ApiKeyView>> RevokeAsync(Guid id, string? ifMatch, CancellationToken ct);
}
