using System.Text.Json;

namespace Platform.Shared.Management;

/// <summary>One audited change: who, what, when, and the API's views of the row before and after (never a secret).</summary>
public sealed record AuditEntryView(
    Guid Id,
    DateTime At,
    string Actor,
    string Action,
    string EntityType,
    string? EntityId,
    JsonElement? Before,
    JsonElement? After);

/// <summary>
/// A page of the audit log, newest first. <see cref="Actor"/> matches a part of <c>user:&lt;email&gt;</c>
/// or <c>client:&lt;id&gt;</c>; <see cref="From"/> is inclusive and <see cref="To"/> exclusive, UTC.
/// </summary>
public sealed record AuditQuery(
    string? EntityType = null,
    string? EntityId = null,
    string? Actor = null,
    string? Action = null,
    DateTime? From = null,
    DateTime? To = null,
    int? Page = null,
    int? PageSize = null);
