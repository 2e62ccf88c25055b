namespace Platform.Shared.Management.Operations;

/// <summary>
/// The tenant's audit log, for <c>GET /api/v1/audit</c> and the dashboard's audit page alike:
/// owners and admins only. Before and after are the views the API showed of the row, so no secret is in them.
/// </summary>
public interface IAuditOperations
{
    /// <summary>Newest first.</summary>
    Task<Outcome<Page<AuditEntryView>>> ListAsync(AuditQuery query, CancellationToken ct);
}
