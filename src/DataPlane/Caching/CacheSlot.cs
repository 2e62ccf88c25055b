namespace Platform.DataPlane.Caching;

/// <summary>
/// Where a cacheable call's answer lives and for how long, and which ways it may be served back:
/// as an ordinary hit (the route enables the cache) and as the degraded answer once every
/// candidate failed (the route's fallback policy says <c>cachedAnswer</c>).
/// </summary>
internal readonly record struct CacheSlot(CacheKey Key, TimeSpan Ttl, bool ServeHits, bool ServeDegraded);
