using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.ControlPlane.Access;

/// <summary>
/// The two OpenIddict endpoints the platform handles itself. <c>/connect/token</c>: client
/// credentials (a tenant's API client; the token carries the client and its tenant), and the
/// authorization-code and refresh-token exchanges (the user must still exist and not be locked
/// out). <c>/connect/authorize</c>: a signed-in dashboard user gets a code for the tenant of the
/// session (first-party tools only, so no consent page). Client authentication, PKCE, redirect
/// URI and code checks are OpenIddict's.
/// </summary>
internal static class OAuthEndpoints
{
    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", TokenAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> TokenAsync(HttpContext http, PlatformDbContextFactory contexts, UserManager<PlatformUser> users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not handle this token request.");
        if (request.IsClientCredentialsGrantType())
        {
            await using var db = contexts.Create(null);

            // Before a token exists, the tenant is known only from the client row: an explicit cross-tenant read by client id.
            var client = await db.ApiClients.IgnoreQueryFilters().AsNoTracking()
                .SingleOrDefaultAsync(c => c.ClientId == request.ClientId && c.RevokedAt == null, http.RequestAborted);
            if (client is null)
            {
                return Refuse(Errors.InvalidClient, "This client is unknown or revoked.");
            }

            var identity = NewIdentity();
            identity.SetClaim(Claims.Subject, client.ClientId)
                .SetClaim(PlatformClaims.ClientId, client.ClientId)
                .SetClaim(PlatformClaims.TenantId, client.TenantId.ToString());
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = granted.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The user is no longer allowed to sign in.");
            }

            var identity = new ClaimsIdentity(granted.Principal!.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "Use client_credentials, authorization_code or refresh_token.");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<PlatformUser> users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not handle this authorization request.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        if (user is null)
        {
            var back = http.Request.PathBase + http.Request.Path
                + QueryString.Create(http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [IdentityConstants.ApplicationScheme]);
        }

        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(PlatformClaims.TenantId, session.Principal!.FindFirst(PlatformClaims.TenantId)?.Value);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(static claim => claim.Type == Claims.Email
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
