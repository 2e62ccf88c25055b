using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Audit;

/// <summary>
/// The tenant's audit log, newest first, for owners and admins (<see cref="Permission.ReadAudit"/>).
/// Before and after are stored as the views the API showed of the row (the writer, AuditLog,
/// never gets a secret), and are answered as they are stored: nothing here can widen them.
/// </summary>
internal sealed class AuditOperations(PlatformDbContext db, Caller caller) : IAuditOperations
{
    public async Task<Outcome<Page<AuditEntryView>>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.ReadAudit) is { } refusal)
        {
            return refusal;
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrEmpty(query.EntityId))
        {
            entries = entries.Where(a => a.EntityId == query.EntityId);
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            entries = entries.Where(a => a.Actor.Contains(query.Actor));
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.From is { } start)
        {
            var from = Utc(start);
            entries = entries.Where(a => a.CreatedAt >= from);
        }

        if (query.To is { } end)
        {
            var to = Utc(end);
            entries = entries.Where(a => a.CreatedAt < to);
        }

        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<AuditEntryView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
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
