namespace Platform.Shared.Domain;

/// <summary>Who changed what, when, with before and after (secrets masked).</summary>
public sealed class AuditEntry : TenantEntity
{
    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? BeforeJson { get; set; }

    public string? AfterJson { get; set; }
}
