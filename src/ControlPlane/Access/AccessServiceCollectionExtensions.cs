using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.ControlPlane.Access;

/// <summary>
/// Sign-in and tokens: ASP.NET Core Identity for local accounts (cookie for the dashboard),
/// OpenIddict as the OAuth 2 / OIDC server (client credentials for automation, authorization code
/// + PKCE for interactive tools) and as the validator of its own tokens on the management API.
/// Duende IdentityServer is not reachable from these machines; OpenIddict fills the same role.
/// </summary>
internal static class AccessServiceCollectionExtensions
{
    /// <summary>Picks the cookie or the bearer token, by whether the request carries a bearer token.</summary>
    public const string Scheme = "platform";

    public static IServiceCollection AddPlatformAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section));
        services.AddScoped<Caller>();
        services.AddScoped<SessionSignIn>();

        services.AddIdentityCore<PlatformUser>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedEmail = false;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", policy => policy.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "platform.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/login";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize");
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes(PlatformClaims.ApiScope, Scopes.OfflineAccess);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes));

                // Tokens are sealed with ASP.NET Data Protection, whose keys live in the database, so
                // they survive restarts and work across instances; the ephemeral keys only sign
                // identity tokens, which this API never accepts.
                server.UseDataProtection();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                var aspNet = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough();
                if (options.AllowHttp)
                {
                    aspNet.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.UseAspNetCore();
            });

        services.AddAuthorization();
        return services;
    }

    /// <summary>The API answers 401/403 as problem details; only browser pages are redirected to sign in.</summary>
    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
