using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Dashboard.Session;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.DashboardHost;

/// <summary>
/// Who the circuit's principal is: the account, its tenants (the one cross-tenant read of
/// sign-in), the active tenant from the session's tenant claim, and the rights the role gives
/// there, from <see cref="RolePermissions"/>, the rule the operations enforce.
/// </summary>
internal sealed class DashboardSession(AuthenticationStateProvider authentication, PlatformDbContextFactory contexts) : IDashboardSession
{
    public async Task<DashboardUser?> GetUserAsync(CancellationToken ct)
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        if (principal.Identity?.IsAuthenticated != true || !Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return null;
        }

        await using var db = contexts.Create(null);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.IsPlatformOperator }).SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }

        var tenants = (await SessionEndpoints.MembershipsAsync(contexts, userId))
            .Select(t => new TenantChoice(t.Id, t.Slug, t.Name, t.Role)).ToList();
        var active = Guid.TryParse(principal.FindFirst(PlatformClaims.TenantId)?.Value, out var tenantId)
            ? tenants.FirstOrDefault(t => t.Id == tenantId)
            : null;
        var rights = active is not null && TenantRoles.TryParse(active.Role, out var role) ? RightsOf(role) : TenantRights.ReadOnly;
        return new DashboardUser(userId, account.Email ?? userId.ToString(), account.IsPlatformOperator, active, tenants, rights);
    }

    private static TenantRights RightsOf(TenantRole role) => new(
        role.Allows(Permission.Configure),
        role.Allows(Permission.Export),
        role.Allows(Permission.ManageMembers),
        role.Allows(Permission.Billing),
        role.Allows(Permission.Own),
        role.Allows(Permission.ReadAudit));
}
