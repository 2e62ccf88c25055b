using System.Collections.Frozen;

namespace Platform.DataPlane.Configuration;

/// <summary>
/// Everything the request path needs, for every tenant, as one immutable object. Built off the
/// request path and swapped atomically by <see cref="PolicyStore"/>; a request reads one snapshot
/// from start to end, so it never sees half a change.
/// </summary>
internal sealed record PolicySnapshot
{
    public static readonly PolicySnapshot Empty = new()
    {
        Keys = FrozenDictionary<string, KeyPolicy>.Empty,
        Tenants = FrozenDictionary<Guid, TenantPolicy>.Empty,
    };

    /// <summary>API keys of all tenants by lower-case hex SHA-256 of the secret.</summary>
    public required FrozenDictionary<string, KeyPolicy> Keys { get; init; }

    public required FrozenDictionary<Guid, TenantPolicy> Tenants { get; init; }

    public DateTime LoadedAt { get; init; }

    /// <summary>True when served from the last-known-good file because the database was unreachable.</summary>
    public bool FromLastKnownGood { get; init; }
}
