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
