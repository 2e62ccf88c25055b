using System.Security.Cryptography;
using System.Text;

namespace Platform.Shared.Security;

/// <summary>
/// Tenant API keys: <c>plt_</c> + 40 random base62 characters. Only the prefix and a SHA-256 of
/// the whole key are stored. A fast hash is right here (unlike passwords): the secret has ~238
/// bits of entropy, and the data plane looks it up on every request.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "plt_";
    public const int PrefixLength = 12;
    private const int RandomLength = 40;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Generate() => Marker + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>What lists show: enough to recognise a key, useless to call with.</summary>
    public static string PrefixOf(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Hash of a key given as UTF-8 bytes (the data plane's header), without a string.</summary>
    public static string Hash(ReadOnlySpan<byte> utf8Key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8Key, digest);
        return Convert.ToHexStringLower(digest);
    }
}
