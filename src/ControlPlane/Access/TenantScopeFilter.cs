using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Shared.Data;

namespace Platform.ControlPlane.Access;

/// <summary>
/// Runs before every tenant endpoint of the management API: resolves the <see cref="Caller"/> from
/// the authenticated principal (tenant claim + membership or API client row, read in that tenant's
/// scope), sets the request's <see cref="TenantContext"/> so every query is filtered to that tenant,
/// and checks the endpoint's <see cref="RequiresPermission"/>. 401 without a valid principal, 403
/// without membership or permission, both as problem details.
/// </summary>
internal sealed class TenantScopeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = http.RequestServices.GetRequiredService<Caller>();
        if (!caller.IsResolved && await ResolveAsync(http, caller) is { } refusal)
        {
            return refusal;
        }

        var needed = http.GetEndpoint()?.Metadata.GetMetadata<RequiresPermission>()?.Permission ?? Permission.Read;
        if (!caller.Role.Allows(needed))
        {
            return Problems.Forbidden($"The {caller.Role.ToString().ToLowerInvariant()} role may not do this ({needed}).");
        }

        return await next(context);
    }

    private static async Task<IResult?> ResolveAsync(HttpContext http, Caller caller)
    {
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Problems.Unauthorized();
        }

        if (!Guid.TryParse(principal.FindFirst(PlatformClaims.TenantId)?.Value, out var tenantId))
        {
            return Problems.Forbidden("This session has no tenant; choose one with PUT /api/v1/session/tenant.");
        }

        var contexts = http.RequestServices.GetRequiredService<PlatformDbContextFactory>();
        var ct = http.RequestAborted;
        await using var db = contexts.Create(tenantId);
        if (principal.FindFirst(PlatformClaims.ClientId)?.Value is { } clientId)
        {
            var client = await db.ApiClients.AsNoTracking()
                .SingleOrDefaultAsync(c => c.ClientId == clientId && c.RevokedAt == null, ct);
            if (client is null)
            {
                return Problems.Unauthorized("This API client was revoked.");
            }

            caller.ForClient(tenantId, client.Role, clientId);
        }
        else
        {
            if (!Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value, out var userId))
            {
                return Problems.Unauthorized();
            }

            var member = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Email, u.IsPlatformOperator })
                .SingleOrDefaultAsync(ct);
            if (member is null)
            {
                return Problems.Forbidden("You are not a member of this tenant.");
            }

            caller.ForUser(tenantId, member.Role, userId, member.Email ?? userId.ToString(), member.IsPlatformOperator);
        }

        http.RequestServices.GetRequiredService<TenantContext>().Set(tenantId);
        return null;
    }
}
