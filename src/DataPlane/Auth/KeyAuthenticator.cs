using Microsoft.Extensions.Primitives;
using Platform.DataPlane.Configuration;
using Platform.Shared.Security;

namespace Platform.DataPlane.Auth;

/// <summary>
/// Finds the caller's key in the snapshot by the SHA-256 of the secret. The tenant comes only from
/// here, never from a header the caller controls.
/// </summary>
internal static class KeyAuthenticator
{
    public static AuthOutcome Authenticate(HttpRequest request, PolicySnapshot snapshot, DateTime utcNow)
    {
        var secret = ReadSecret(request);
        if (secret is null)
        {
            return AuthOutcome.Fail(AuthFailure.Missing);
        }

        if (!snapshot.Keys.TryGetValue(ApiKeySecret.Hash(secret), out var key))
        {
            return AuthOutcome.Fail(AuthFailure.Invalid);
        }

        if (key.RevokedAt is { } revoked && revoked <= utcNow)
        {
            return AuthOutcome.Fail(AuthFailure.Revoked);
        }

        if (key.ExpiresAt is { } expires && expires <= utcNow)
        {
            return AuthOutcome.Fail(AuthFailure.Expired);
        }

        return snapshot.Tenants.TryGetValue(key.TenantId, out var tenant)
            ? new AuthOutcome(key, tenant, AuthFailure.None)
            : AuthOutcome.Fail(AuthFailure.Invalid);
    }

    private static string? ReadSecret(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (!StringValues.IsNullOrEmpty(authorization))
        {
            var value = authorization.ToString();
            const string Bearer = "Bearer ";
            return value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && value.Length > Bearer.Length
                ? value[Bearer.Length..].Trim()
                : null;
        }

        var apiKey = request.Headers["x-api-key"];
        return StringValues.IsNullOrEmpty(apiKey) ? null : apiKey.ToString().Trim();
    }
}
