using System.Buffers;
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

    /// <summary>The length of a key's hash in hex: what <see cref="Hash(ReadOnlySpan{char}, Span{char})"/> writes.</summary>
    public const int HashLength = 2 * SHA256.HashSizeInBytes;

    private const int RandomLength = 40;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [ThreadStatic]
    private static IncrementalHash? _sha256;

    public static string Generate() => Marker + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>What lists show: enough to recognise a key, useless to call with.</summary>
    public static string PrefixOf(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<char> hex = stackalloc char[HashLength];
        Hash(key, hex);
        return new string(hex);
    }

    /// <summary>
    /// The hash into <paramref name="hex"/> (<see cref="HashLength"/> chars) with nothing allocated: the data plane
    /// hashes the key of every call. One SHA-256 context per thread, reset after each hash, so OpenSSL
    /// does not create and free one per call; the key's bytes are wiped from the buffer they were encoded into.
    /// </summary>
    public static void Hash(ReadOnlySpan<char> key, Span<char> hex)
    {
        const int OnStack = 256;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(key.Length);
        var rented = maxBytes > OnStack ? ArrayPool<byte>.Shared.Rent(maxBytes) : null;
        var utf8 = rented ?? stackalloc byte[OnStack];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(utf8[..length]);
        sha256.GetHashAndReset(digest);
        CryptographicOperations.ZeroMemory(utf8[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        Convert.TryToHexStringLower(digest, hex, out _);
    }
}
