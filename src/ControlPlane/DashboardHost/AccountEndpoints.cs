using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.ControlPlane.Access;
using Platform.Dashboard.Account;

namespace Platform.ControlPlane.DashboardHost;

/// <summary>
/// The dashboard's form posts: sign in, sign out, switch tenant. Each answers with a redirect (a
/// browser navigation, not JSON), runs the same <see cref="SessionSignIn"/> as
/// <c>/api/v1/session</c>, and is antiforgery-checked (form binding in minimal APIs demands the token).
/// Failures come back as an error code in the sign-in page's query, never the typed email.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/signin", SignInAsync).AllowAnonymous();
        account.MapPost("/signout", SignOutAsync).AllowAnonymous();
        account.MapPost("/tenant", SwitchTenantAsync).RequireAuthorization();
        return app;
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, SessionSignIn sessions)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return BackToSignIn(SignInErrors.Missing, returnUrl);
        }

        var result = await sessions.PasswordAsync(email, password, tenant: null);
        return result.Status switch
        {
            SessionSignInStatus.SignedIn => TypedResults.LocalRedirect(AccountPaths.LocalOrHome(returnUrl)),
            SessionSignInStatus.LockedOut => BackToSignIn(SignInErrors.Locked, returnUrl),
            _ => BackToSignIn(SignInErrors.Invalid, returnUrl),
        };
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SessionSignIn sessions)
    {
        await sessions.SignOutAsync();
        return TypedResults.LocalRedirect(AccountPaths.SignInPage);
    }

    private static async Task<IResult> SwitchTenantAsync(
        [FromForm] string? tenant, [FromForm] string? returnUrl, HttpContext http, SessionSignIn sessions)
    {
        var result = await sessions.SwitchTenantAsync(http.User, tenant);
        return result.Status switch
        {
            SessionSignInStatus.SignedIn => TypedResults.LocalRedirect(AccountPaths.LocalOrHome(returnUrl)),
            SessionSignInStatus.NotMember => Problems.Forbidden($"You are not a member of tenant '{tenant}'."),
            _ => TypedResults.LocalRedirect(AccountPaths.SignInPage),
        };
    }

    private static RedirectHttpResult BackToSignIn(string error, string? returnUrl) =>
        TypedResults.LocalRedirect($"{AccountPaths.SignInPage}?error={error}&ReturnUrl={Uri.EscapeDataString(AccountPaths.LocalOrHome(returnUrl))}");
}
