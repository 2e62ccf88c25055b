using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Shared.Data;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Access;

/// <summary>
/// Turns an authenticated principal into the scope's <see cref="Caller"/> and
/// <see cref="TenantContext"/>: the tenant claim, then the membership (or API client row) read in
/// that tenant, never anything the caller sends. The API runs it per request
/// (<see cref="TenantScopeFilter"/>), the dashboard per operation call, so both see the same rules.
/// </summary>
internal static class CallerResolver
{
    /// <returns>Null when the scope now acts for the caller; otherwise why not (unauthorized or forbidden).</returns>
    public static async Task<Failure?> ResolveAsync(ClaimsPrincipal principal, IServiceProvider scope, CancellationToken ct)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Failure.Unauthorized();
        }

        if (!Guid.TryParse(principal.FindFirst(PlatformClaims.TenantId)?.Value, out var tenantId))
        {
            return Failure.Forbidden("This session has no tenant; choose one with PUT /api/v1/session/tenant.");
        }

        var caller = scope.GetRequiredService<Caller>();
        await using var db = scope.GetRequiredService<PlatformDbContextFactory>().Create(tenantId);
        if (principal.FindFirst(PlatformClaims.ClientId)?.Value is { } clientId)
        {
            var client = await db.ApiClients.AsNoTracking()
                .SingleOrDefaultAsync(c => c.ClientId == clientId && c.RevokedAt == null, ct);
            if (client is null)
            {
                return Failure.Unauthorized("This API client was revoked.");
            }

            caller.ForClient(tenantId, client.Role, clientId);
        }
        else
        {
            if (!Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value, out var userId))
            {
                return Failure.Unauthorized();
            }

            var member = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Email, u.IsPlatformOperator })
                .SingleOrDefaultAsync(ct);
            if (member is null)
            {
                return Failure.Forbidden("You are not a member of this tenant.");
            }

            caller.ForUser(tenantId, member.Role, userId, member.Email ?? userId.ToString(), member.IsPlatformOperator);
        }

        scope.GetRequiredService<TenantContext>().Set(tenantId);
        return null;
    }
}
