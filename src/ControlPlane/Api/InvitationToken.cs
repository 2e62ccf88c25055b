using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Platform.ControlPlane.Api;

/// <summary>
/// The secret in an invitation link: 256 random bits, base64url so it sits in a URL path as is.
/// Only its SHA-256 is stored; a fast hash is right for a random secret of that size.
/// </summary>
internal static class InvitationToken
{
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes, as <c>Invitation.TokenHash</c> holds it.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
