using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Caching;

/// <summary>
/// Exact-match answers per tenant, in memory, bounded by <see cref="CacheOptions.SizeLimitBytes"/>
/// and expiring at the route's TTL. A route takes part when it enables the cache or its fallback
/// policy's degraded mode is <c>cachedAnswer</c>; never when the route or the call is sensitive,
/// and never when the caller says <c>no-cache</c>. Only complete answers are stored.
/// </summary>
internal sealed class ResponseCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly TimeSpan _defaultTtl;

    public ResponseCache(IOptions<CacheOptions> options, TimeProvider time)
    {
        _entries = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = options.Value.SizeLimitBytes,
            Clock = new TimeProviderClock(time),
        });
        _defaultTtl = options.Value.DefaultTtl;
    }

    /// <summary>
    /// Decides whether the call takes part (<see cref="CallContext.CacheSlot"/> and
    /// <see cref="CallContext.Cache"/>) and returns the stored answer when it may be served as a
    /// hit. Free for a route that does not cache: nothing is hashed.
    /// </summary>
    public CachedAnswer? Lookup(CallContext call, RoutePolicy? route, in CallConstraints constraints, IHeaderDictionary headers, ChatRequest request)
    {
        var degraded = route is not null && Degraded.UsesCachedAnswer(route.Fallback);
        if (route is null || (!route.CacheEnabled && !degraded)
            || route.Sensitivity != Sensitivity.None || constraints.Sensitivity != Sensitivity.None)
        {
            return null;
        }

        if (CacheDirectives.Bypass(headers))
        {
            call.Cache = CacheOutcome.Bypass;
            return null;
        }

        var slot = new CacheSlot(CacheKey.For(call.Tenant!.TenantId, route, request), route.CacheTtl ?? _defaultTtl, route.CacheEnabled, degraded);
        call.CacheSlot = slot;
        if (!slot.ServeHits)
        {
            return null;
        }

        call.Cache = CacheOutcome.Miss;
        return Find(call, slot);
    }

    /// <summary>The stored answer to serve, marked degraded, once every candidate failed; null when there is none or the policy does not say so.</summary>
    public CachedAnswer? DegradedAnswer(CallContext call) =>
        call.CacheSlot is { ServeDegraded: true } slot ? Find(call, slot) : null;

    /// <summary>Stores a complete answer of a call that takes part; anything else (a refusal, a degraded answer) is ignored.</summary>
    public void Store(CallContext call, ChatResponse response, ModelPolicy? model)
    {
        if (call.CacheSlot is not { } slot || model is null
            || response.FinishReason is not (FinishReason.Stop or FinishReason.Length or FinishReason.ToolCalls))
        {
            return;
        }

        var answer = new CachedAnswer(response, model);
        using var entry = _entries.CreateEntry(slot.Key);
        entry.Value = answer;
        entry.Size = answer.Size;
        entry.AbsoluteExpirationRelativeToNow = slot.Ttl;
    }

    public void Dispose() => _entries.Dispose();

    private CachedAnswer? Find(CallContext call, CacheSlot slot)
    {
        if (!_entries.TryGetValue(slot.Key, out CachedAnswer? answer))
        {
            return null;
        }

        call.Cache = CacheOutcome.Hit;
        return answer;
    }
}
