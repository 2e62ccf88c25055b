using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.ControlPlane.Access;

/// <summary>The OpenIddict applications behind API clients, and the built-in public client for interactive tools.</summary>
internal sealed class OAuthClients(IOpenIddictApplicationManager applications, IOptions<AccessOptions> options)
{
    public const string CliClientId = "platform-cli";

    /// <summary>Idempotent; run by <c>controlplane migrate</c>.</summary>
    public async Task EnsureCliClientAsync(CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(CliClientId, ct) is not null)
        {
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = CliClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Platform CLI and interactive tools",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in options.Value.CliRedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        await applications.CreateAsync(descriptor, ct);
    }

    /// <summary>A confidential client for the client-credentials flow; returns the secret, which is stored only hashed.</summary>
    public async Task<string> CreateConfidentialAsync(string clientId, string displayName, CancellationToken ct)
    {
        var secret = "pcs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
            },
        }, ct);
        return secret;
    }

    /// <summary>Deletes the application so no new token is issued; tokens already out are refused by the revoked client row.</summary>
    public async Task DeleteAsync(string clientId, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is { } application)
        {
            await applications.DeleteAsync(application, ct);
        }
    }
}
