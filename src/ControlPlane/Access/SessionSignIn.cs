using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Access;

/// <summary>
/// Issues and re-issues the session cookie: password sign-in (failed passwords count towards
/// lockout) and tenant switching, both after a membership check. Shared by the JSON session API
/// and the dashboard's form posts, so a browser form and a script meet the same rules.
/// </summary>
internal sealed class SessionSignIn(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, PlatformDbContextFactory contexts)
{
    public async Task<SessionSignInResult> PasswordAsync(string email, string password, string? tenant)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return new(SessionSignInStatus.WrongPassword);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return new(SessionSignInStatus.LockedOut);
        }

        if (!check.Succeeded)
        {
            return new(SessionSignInStatus.WrongPassword);
        }

        return await IssueAsync(user, tenant, fallBackToFirst: true);
    }

    public async Task<SessionSignInResult> SwitchTenantAsync(ClaimsPrincipal principal, string? tenant)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return new(SessionSignInStatus.NotSignedIn);
        }

        return await IssueAsync(user, tenant, fallBackToFirst: false);
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    /// <param name="fallBackToFirst">Without a tenant asked for, act in the first one (sign-in); a switch must name one.</param>
    private async Task<SessionSignInResult> IssueAsync(PlatformUser user, string? tenant, bool fallBackToFirst)
    {
        var tenants = await SessionEndpoints.MembershipsAsync(contexts, user.Id);
        var current = tenant is null && fallBackToFirst
            ? tenants.FirstOrDefault()
            : tenants.FirstOrDefault(t => t.Slug == tenant || t.Id.ToString() == tenant);
        if ((tenant is not null || !fallBackToFirst) && current is null)
        {
            return new(SessionSignInStatus.NotMember, user, tenants);
        }

        Claim[] claims = current is null ? [] : [new Claim(PlatformClaims.TenantId, current.Id.ToString())];
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
        return new(SessionSignInStatus.SignedIn, user, tenants, current);
    }
}
