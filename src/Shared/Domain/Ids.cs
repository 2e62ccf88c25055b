namespace Platform.Shared.Domain;

/// <summary>
/// Row ids and concurrency stamps without a system call. <see cref="Guid.CreateVersion7()"/> and
/// <see cref="Guid.NewGuid"/> draw every value from the operating system's cryptographic generator, one
/// <c>getrandom</c> call each, and a proxied call makes five (its request id, its usage row and attempt,
/// each with an id and a stamp). These values must be unique, not secret: they are drawn from
/// <see cref="Random.Shared"/>, whose per-thread generators are seeded from the operating system once.
/// Secrets (API keys, tokens, signing secrets) never come from here.
/// </summary>
public static class Ids
{
    /// <summary>An RFC 9562 version-7 id for now: time-ordered to the millisecond, 74 random bits.</summary>
    public static Guid NewVersion7() => NewVersion7(DateTimeOffset.UtcNow);

    public static Guid NewVersion7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        var milliseconds = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (40 - (8 * i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>An RFC 9562 version-4 (random) id: 122 random bits.</summary>
    public static Guid NewRandom()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
