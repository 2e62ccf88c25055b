using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Access;

/// <summary>
/// Runs before the platform-wide endpoints (tenant administration), which no tenant role opens:
/// only a signed-in user marked <see cref="PlatformUser.IsPlatformOperator"/> passes, read from the
/// database on every request. API clients belong to a tenant and never pass. 401 without a
/// principal, 403 otherwise, both as problem details.
/// </summary>
internal sealed class PlatformOperatorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Problems.Unauthorized();
        }

        var subject = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value;
        if (principal.FindFirst(PlatformClaims.ClientId) is not null || !Guid.TryParse(subject, out var userId))
        {
            return Problems.Forbidden("Only a platform operator may do this.");
        }

        var users = http.RequestServices.GetRequiredService<UserManager<PlatformUser>>();
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return Problems.Unauthorized();
        }

        if (!user.IsPlatformOperator)
        {
            return Problems.Forbidden("Only a platform operator may do this.");
        }

        http.RequestServices.GetRequiredService<Caller>().ForOperator(user.Id, user.Email ?? user.Id.ToString());
        return await next(context);
    }
}
