using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>GET /api/v1/audit</c>: the HTTP face of <see cref="IAuditOperations"/>, the tenant's audit
/// log for owners and admins, newest first. Before and after come back as JSON objects, the views
/// the API showed of the row, so no secret is in them.
/// </summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGroup("/audit").WithTags("Audit").MapGet("", ListAsync);

    /// <param name="entityType">e.g. <c>api_key</c>, <c>prompt</c>, <c>prompt_version</c>, <c>prompt_label</c>, <c>budget</c>, <c>config</c>.</param>
    /// <param name="actor"><c>user:&lt;email&gt;</c> or <c>client:&lt;id&gt;</c>; a part of it matches.</param>
    /// <param name="from">Inclusive, UTC.</param>
    /// <param name="to">Exclusive, UTC.</param>
    private static async Task<Results<Ok<Page<AuditEntryView>>, ProblemHttpResult>> ListAsync(
        IAuditOperations audit, string? entityType, string? entityId, string? actor, string? action, DateTime? from, DateTime? to,
        int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await audit.ListAsync(new AuditQuery(entityType, entityId, actor, action, from, to, page, pageSize), ct));
}
