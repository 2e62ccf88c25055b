using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>GET /api/v1/audit</c>: the tenant's audit log, newest first, for owners and admins
/// (<see cref="Permission.ReadAudit"/>). Before and after come back as JSON objects, the views
/// the API showed of the row, so no secret is in them.
/// </summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGroup("/audit").WithTags("Audit").MapGet("", ListAsync).Requires(Permission.ReadAudit);

    /// <param name="entityType">e.g. <c>api_key</c>, <c>prompt</c>, <c>prompt_version</c>, <c>prompt_label</c>, <c>budget</c>, <c>config</c>.</param>
    /// <param name="actor"><c>user:&lt;email&gt;</c> or <c>client:&lt;id&gt;</c>; a part of it matches.</param>
    /// <param name="from">Inclusive, UTC.</param>
    /// <param name="to">Exclusive, UTC.</param>
    private static async Task<IResult> ListAsync(
        PlatformDbContext db, string? entityType, string? entityId, string? actor, string? action, DateTime? from, DateTime? to,
        int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(entityType))
        {
            query = query.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrEmpty(entityId))
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        if (!string.IsNullOrEmpty(actor))
        {
            query = query.Where(a => a.Actor.Contains(actor));
        }

        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(a => a.Action == action);
        }

        if (from is { } start)
        {
            var utc = Utc(start);
            query = query.Where(a => a.CreatedAt >= utc);
        }

        if (to is { } end)
        {
            var utc = Utc(end);
            query = query.Where(a => a.CreatedAt < utc);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<AuditEntryView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    /// <summary>A time without a zone is taken as UTC, like every time the API answers with.</summary>
    private static DateTime Utc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();

    private static AuditEntryView View(AuditEntry a) => new(
        a.Id, a.CreatedAt, a.Actor, a.Action, a.EntityType, a.EntityId, Json(a.BeforeJson), Json(a.AfterJson));

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
