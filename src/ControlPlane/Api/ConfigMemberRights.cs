using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// A config file lists members with roles, and an apply adds members and brings roles in line.
/// Over the API that must not be a way round the member rules: a member the file adds or whose role
/// it changes must be a grant the caller could make by hand (an admin cannot make or unmake an owner).
/// </summary>
internal static class ConfigMemberRights
{
    public static async Task<IResult?> RefusalAsync(PlatformDbContext db, Caller caller, TenantConfig tenant, CancellationToken ct)
    {
        if (tenant.Members.Count == 0)
        {
            return null;
        }

        var current = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.NormalizedEmail, m.Role })
            .Where(m => m.NormalizedEmail != null)
            .ToDictionaryAsync(m => m.NormalizedEmail!, m => m.Role, ct);
        foreach (var member in tenant.Members)
        {
            var exists = current.TryGetValue(member.Email.ToUpperInvariant(), out var role);
            if (exists && role == member.Role)
            {
                continue;
            }

            if (!caller.Role.MayGrant(member.Role) || (exists && !caller.Role.MayGrant(role)))
            {
                var now = exists ? $" (now {TenantRoles.Name(role)})" : "";
                return Problems.Forbidden(
                    $"The {TenantRoles.Name(caller.Role)} role may not make '{member.Email}' {TenantRoles.Name(member.Role)}{now}.");
            }
        }

        return null;
    }
}
