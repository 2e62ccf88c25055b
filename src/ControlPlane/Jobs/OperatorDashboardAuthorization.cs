using System.Security.Claims;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Identity;
using Platform.ControlPlane.Access;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Jobs;

/// <summary>The Hangfire dashboard opens only to a signed-in platform operator (cookie session), read from the database.</summary>
internal sealed class OperatorDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated != true
            || principal.FindFirst(PlatformClaims.ClientId) is not null
            || !Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return false;
        }

        var users = http.RequestServices.GetRequiredService<UserManager<PlatformUser>>();
        return await users.FindByIdAsync(userId.ToString()) is { IsPlatformOperator: true };
    }
}
