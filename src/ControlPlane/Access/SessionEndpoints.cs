using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Access;

/// <summary>
/// Cookie sign-in for the dashboard and for people trying the API by hand:
/// <c>POST /api/v1/session</c> (email, password, optional tenant slug), <c>GET</c> (who am I, my
/// tenants), <c>PUT /api/v1/session/tenant</c> (switch tenant, after a membership check),
/// <c>DELETE</c> (sign out). Failed passwords count towards lockout.
/// </summary>
internal static class SessionEndpoints
{
    public sealed record SignInRequest(string? Email, string? Password, string? Tenant);

    public sealed record SwitchTenantRequest(string? Tenant);

    public sealed record TenantMembership(Guid Id, string Slug, string Name, string Role);

    public sealed record SessionInfo(Guid UserId, string Email, bool IsPlatformOperator, Guid? CurrentTenantId, IReadOnlyList<TenantMembership> Tenants);

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/v1/session").WithTags("Session");
        session.MapPost("", SignInAsync).AllowAnonymous();
        session.MapGet("", GetAsync);
        session.MapPut("/tenant", SwitchTenantAsync);
        session.MapDelete("", async (SessionSignIn sessions) =>
        {
            await sessions.SignOutAsync();
            return Results.NoContent();
        });
        return app;
    }

    private static async Task<IResult> SignInAsync(SignInRequest request, SessionSignIn sessions)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["Email is required."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["Password is required."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var result = await sessions.PasswordAsync(request.Email, request.Password, request.Tenant);
        return result.Status switch
        {
            SessionSignInStatus.SignedIn => Results.Ok(Info(result)),
            SessionSignInStatus.LockedOut => Results.Problem(statusCode: StatusCodes.Status423Locked, title: "Locked out",
                detail: "Too many failed attempts; try again in a few minutes."),
            SessionSignInStatus.NotMember => Problems.Forbidden($"You are not a member of tenant '{request.Tenant}'."),
            _ => Problems.Unauthorized("Wrong email or password."),
        };
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal principal, UserManager<PlatformUser> users, PlatformDbContextFactory contexts)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Problems.Unauthorized();
        }

        var tenants = await MembershipsAsync(contexts, user.Id);
        Guid? current = Guid.TryParse(principal.FindFirst(PlatformClaims.TenantId)?.Value, out var id) ? id : null;
        return Results.Ok(new SessionInfo(user.Id, user.Email!, user.IsPlatformOperator, current, tenants));
    }

    private static async Task<IResult> SwitchTenantAsync(SwitchTenantRequest request, ClaimsPrincipal principal, SessionSignIn sessions)
    {
        var result = await sessions.SwitchTenantAsync(principal, request.Tenant);
        return result.Status switch
        {
            SessionSignInStatus.SignedIn => Results.Ok(Info(result)),
            SessionSignInStatus.NotMember => Problems.Forbidden($"You are not a member of tenant '{request.Tenant}'."),
            _ => Problems.Unauthorized(),
        };
    }

    private static SessionInfo Info(SessionSignInResult result) =>
        new(result.User!.Id, result.User.Email!, result.User.IsPlatformOperator, result.Current?.Id, result.Tenants!);

    /// <summary>The one cross-tenant read of sign-in: which tenants this user belongs to.</summary>
    public static async Task<List<TenantMembership>> MembershipsAsync(PlatformDbContextFactory contexts, Guid userId)
    {
        await using var db = contexts.Create(null);
        var rows = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { t.Id, t.Slug, t.Name, m.Role, t.Disabled })
            .Where(r => !r.Disabled)
            .ToListAsync();
        return [.. rows.OrderBy(r => r.Slug, StringComparer.Ordinal)
            .Select(r => new TenantMembership(r.Id, r.Slug, r.Name, r.Role.ToString().ToLowerInvariant()))];
    }
}
