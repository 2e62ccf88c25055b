using System.Collections.Concurrent;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Recording;

namespace Platform.DataPlane.Limits;

/// <summary>
/// Requests and tokens per minute, per API key and per tenant, in fixed one-minute UTC windows.
/// A call is admitted while, for its key and its tenant, the requests of the window (this
/// instance's, plus the other instances' as last read by <see cref="RateLimitSync"/>) are below
/// the RPM and the tokens below the TPM; an admitted call counts one request at once, and its
/// actual input + output tokens when it is settled. A refused call counts nothing.
/// <para>
/// Overshoot bound: the other instances' counts are at most two sync intervals old (one for them
/// to publish, one for this instance to read), so with N instances a scope can exceed its limit by
/// at most what the other N−1 instances admit in two sync intervals; for TPM add the tokens of
/// calls admitted but not yet settled (in-flight calls are not reserved in advance).
/// </para>
/// The request path takes one uncontended lock per limited call, no database and no allocation
/// after a scope's first call; a key and tenant without limits return before any lookup.
/// </summary>
internal sealed class RateLimiter(TimeProvider time) : ICallSettlement
{
    private readonly ConcurrentDictionary<Guid, TenantRateWindows> _tenants = new();

    public RateVerdict Check(KeyPolicy key, TenantPolicy tenant)
    {
        var keyLimited = key.RequestsPerMinute is not null || key.TokensPerMinute is not null;
        var tenantLimited = tenant.RequestsPerMinute is not null || tenant.TokensPerMinute is not null;
        if (!keyLimited && !tenantLimited)
        {
            return RateVerdict.Unlimited;
        }

        var now = time.GetUtcNow().UtcTicks;
        var window = RateScopes.WindowOf(now);
        var windows = Tenant(tenant.TenantId);
        var keyWindow = keyLimited ? windows.Key(key.Id) : null;
        var tenantWindow = tenantLimited ? windows.Tenant : null;
        RateUsage keyUsed, tenantUsed;
        var refusal = RateRefusal.None;
        lock (windows.Gate)
        {
            keyUsed = keyWindow?.Used(window) ?? default;
            tenantUsed = tenantWindow?.Used(window) ?? default;
            if (Reached(key.RequestsPerMinute, keyUsed.Requests))
            {
                refusal = RateRefusal.KeyRequests;
            }
            else if (Reached(key.TokensPerMinute, keyUsed.Tokens))
            {
                refusal = RateRefusal.KeyTokens;
            }
            else if (Reached(tenant.RequestsPerMinute, tenantUsed.Requests))
            {
                refusal = RateRefusal.TenantRequests;
            }
            else if (Reached(tenant.TokensPerMinute, tenantUsed.Tokens))
            {
                refusal = RateRefusal.TenantTokens;
            }
            else
            {
                keyWindow?.AddRequest(window);
                tenantWindow?.AddRequest(window);
            }
        }

        if (refusal == RateRefusal.None)
        {
            keyUsed = keyUsed with { Requests = keyUsed.Requests + 1 };
            tenantUsed = tenantUsed with { Requests = tenantUsed.Requests + 1 };
        }

        var (requestLimit, remainingRequests) = Tightest(key.RequestsPerMinute, keyUsed.Requests, tenant.RequestsPerMinute, tenantUsed.Requests);
        var (tokenLimit, remainingTokens) = Tightest(key.TokensPerMinute, keyUsed.Tokens, tenant.TokensPerMinute, tenantUsed.Tokens);
        var refusedLimit = refusal switch
        {
            RateRefusal.KeyRequests => key.RequestsPerMinute!.Value,
            RateRefusal.KeyTokens => key.TokensPerMinute!.Value,
            RateRefusal.TenantRequests => tenant.RequestsPerMinute!.Value,
            RateRefusal.TenantTokens => tenant.TokensPerMinute!.Value,
            _ => 0,
        };
        var reset = (int)Math.Ceiling((double)(window + TimeSpan.TicksPerMinute - now) / TimeSpan.TicksPerSecond);
        return new RateVerdict(refusal, refusedLimit, requestLimit, remainingRequests, tokenLimit, remainingTokens, Math.Max(1, reset));
    }

    /// <summary>Adds the call's actual tokens to the current window of each scope with a TPM.</summary>
    public void Settle(CallContext call, in CallResult result, long costNanoUsd)
    {
        if (call.Key is not { } key || call.Tenant is not { } tenant)
        {
            return;
        }

        var keyTpm = key.TokensPerMinute is not null;
        var tenantTpm = tenant.TokensPerMinute is not null;
        var tokens = (long)result.Usage.InputTokens + result.Usage.OutputTokens;
        if ((!keyTpm && !tenantTpm) || tokens <= 0)
        {
            return;
        }

        var window = RateScopes.WindowOf(time.GetUtcNow().UtcTicks);
        var windows = Tenant(tenant.TenantId);
        var keyWindow = keyTpm ? windows.Key(key.Id) : null;
        lock (windows.Gate)
        {
            keyWindow?.AddTokens(window, tokens);
            if (tenantTpm)
            {
                windows.Tenant.AddTokens(window, tokens);
            }
        }
    }

    /// <summary>Every tenant with windows here; for the sync, never the request path.</summary>
    public ICollection<TenantRateWindows> Tenants => _tenants.Values;

    public TenantRateWindows Tenant(Guid tenantId) =>
        _tenants.GetOrAdd(tenantId, static id => new TenantRateWindows(id));

    private static bool Reached(int? limit, long used) => limit is { } max && used >= max;

    /// <summary>The limit and remaining count of the scope with the least left, or (0, 0) when neither has a limit.</summary>
    private static (int Limit, long Remaining) Tightest(int? keyLimit, long keyUsed, int? tenantLimit, long tenantUsed)
    {
        if (keyLimit is not { } key)
        {
            return tenantLimit is { } onlyTenant ? (onlyTenant, Left(onlyTenant, tenantUsed)) : (0, 0);
        }

        if (tenantLimit is not { } tenant)
        {
            return (key, Left(key, keyUsed));
        }

        var keyLeft = Left(key, keyUsed);
        var tenantLeft = Left(tenant, tenantUsed);
        return tenantLeft < keyLeft ? (tenant, tenantLeft) : (key, keyLeft);
    }

    private static long Left(int limit, long used) => Math.Max(0, limit - used);
}
