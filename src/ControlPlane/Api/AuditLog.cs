using System.Text.Json;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Api;

/// <summary>
/// Adds the audit entry of a change to the same unit of work as the change, so both land or
/// neither does. Before and after are the API's views of the row, which never carry a secret
/// (a credential shows only whether it is set).
/// </summary>
internal sealed class AuditLog(Caller caller)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Add(PlatformDbContext db, string action, string entityType, Guid? entityId, object? before, object? after) =>
        AddByKey(db, action, entityType, entityId?.ToString(), before, after);

    /// <param name="entityKey">For rows known by more than an id, e.g. a prompt label: <c>&lt;prompt id&gt;/&lt;label&gt;</c>.</param>
    public void AddByKey(PlatformDbContext db, string action, string entityType, string? entityKey, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Actor = caller.Actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityKey,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, before.GetType(), Json),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, after.GetType(), Json),
        });
}
