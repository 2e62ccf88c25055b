using Platform.Shared.Domain;

namespace Platform.ControlPlane.Access;

/// <summary>What an endpoint needs from the caller's role in the tenant.</summary>
internal enum Permission
{
    /// <summary>Read configuration and usage: every role.</summary>
    Read,

    /// <summary>Change what the data plane enforces (keys, providers, routes, prompts, budgets): owner, admin.</summary>
    Configure,

    /// <summary>Read spend and export it: owner, admin, finance.</summary>
    Export,

    /// <summary>Invite, change roles, remove members (never to or from owner): owner, admin.</summary>
    ManageMembers,

    /// <summary>Billing: owner, finance.</summary>
    Billing,

    /// <summary>Grant or take the owner role: owner.</summary>
    Own,

    /// <summary>
    /// Read the audit log: owner, admin. Its before/after views show every setting and member
    /// change, which is for the people who make them, not for finance or viewers.
    /// </summary>
    ReadAudit,
}

internal static class RolePermissions
{
    public static bool Allows(this TenantRole role, Permission permission) => permission switch
    {
        Permission.Read => true,
        Permission.Configure or Permission.ManageMembers or Permission.ReadAudit => role is TenantRole.Owner or TenantRole.Admin,
        Permission.Export => role is TenantRole.Owner or TenantRole.Admin or TenantRole.Finance,
        Permission.Billing => role is TenantRole.Owner or TenantRole.Finance,
        Permission.Own => role == TenantRole.Owner,
        _ => false,
    };

    /// <summary>Whether a caller with <paramref name="role"/> may give (or take) <paramref name="granted"/>: never more than their own rights.</summary>
    public static bool MayGrant(this TenantRole role, TenantRole granted) => role switch
    {
        TenantRole.Owner => true,
        TenantRole.Admin => granted is TenantRole.Admin or TenantRole.Viewer,
        _ => false,
    };
}
