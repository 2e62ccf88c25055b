namespace Platform.Dashboard.Session;

/// <summary>
/// What the user's role allows in the active tenant, computed by the host from the same rule the
/// operations enforce. The dashboard only hides what would be refused; the operation still refuses.
/// </summary>
public sealed record TenantRights(bool Configure, bool Export, bool ManageMembers, bool Billing, bool Own, bool ReadAudit)
{
    /// <summary>Read-only: a viewer, or no tenant at all.</summary>
    public static readonly TenantRights ReadOnly = new(false, false, false, false, false, false);
}
