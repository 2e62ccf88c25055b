using System.Buffers.Binary;
using System.Security.Cryptography;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Caching;

/// <summary>
/// SHA-256 of the tenant, the route and the request as the provider would see it (see
/// <see cref="CanonicalRequest"/>). The tenant id is hashed and kept beside the hash, so two
/// tenants' identical requests can never share an entry.
/// </summary>
internal readonly record struct CacheKey(Guid TenantId, UInt128 HashHigh, UInt128 HashLow)
{
    public static CacheKey For(Guid tenantId, RoutePolicy route, ChatRequest request)
    {
        using var canonical = new PooledBufferWriter();
        CanonicalRequest.Write(canonical, tenantId, route, request);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonical.WrittenSpan, hash);
        return new CacheKey(tenantId, BinaryPrimitives.ReadUInt128BigEndian(hash[..16]), BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
    }
}
