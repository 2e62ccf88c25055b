using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
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
        if (!TryReadSecret(request, out var secret))
        {
            return AuthOutcome.Fail(AuthFailure.Missing);
        }

        Span<char> hash = stackalloc char[ApiKeySecret.HashLength];
        ApiKeySecret.Hash(secret, hash);
        if (!Find(snapshot.Keys, hash, out var key))
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

    /// <summary>Looked up by the hash's characters; a string only if the dictionary's comparer cannot take a span.</summary>
    private static bool Find(FrozenDictionary<string, KeyPolicy> keys, ReadOnlySpan<char> hash, [MaybeNullWhen(false)] out KeyPolicy key) =>
        keys.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            ? lookup.TryGetValue(hash, out key)
            : keys.TryGetValue(hash.ToString(), out key);

    /// <summary>The secret of <c>Authorization: Bearer</c>, else of <c>x-api-key</c>, trimmed; false when neither is given.</summary>
    private static bool TryReadSecret(HttpRequest request, out ReadOnlySpan<char> secret)
    {
        var authorization = request.Headers.Authorization;
        if (!StringValues.IsNullOrEmpty(authorization))
        {
            var value = authorization.ToString();
            const string Bearer = "Bearer ";
            var bearer = value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && value.Length > Bearer.Length;
            secret = bearer ? value.AsSpan(Bearer.Length).Trim() : default;
            return bearer;
        }

        var apiKey = request.Headers["x-api-key"];
        secret = StringValues.IsNullOrEmpty(apiKey) ? default : apiKey.ToString().AsSpan().Trim();
        return !StringValues.IsNullOrEmpty(apiKey);
    }
}
