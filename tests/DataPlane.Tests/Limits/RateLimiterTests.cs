using Platform.DataPlane.Limits;
using Platform.DataPlane.Tests.Health;

namespace Platform.DataPlane.Tests.Limits;

/// <summary>One instance's admission decisions, on a clock the test moves (starts at 12:00:00 UTC).</summary>
public sealed class RateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Check_NoLimitsOnKeyOrTenant_UnlimitedAndNothingCounted()
    {
        var limiter = new RateLimiter(_time);
        var tenant = LimitPolicies.Tenant();
        var key = LimitPolicies.Key(tenant);

        var verdict = limiter.Check(key, tenant);

        Assert.True(verdict.Admitted);
        Assert.False(verdict.Limited);
        Assert.Empty(limiter.Tenants);
    }

    [Fact]
    public void Check_KeyRpmThree_FourthRefusedWithRemainingZero()
    {
        var limiter = new RateLimiter(_time);
        var tenant = LimitPolicies.Tenant();
        var key = LimitPolicies.Key(tenant, rpm: 3);

        var remaining = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var admitted = limiter.Check(key, tenant);
            Assert.True(admitted.Admitted);
            remaining.Add(admitted.RemainingRequests);
        }

        var refused = limiter.Check(key, tenant);

        Assert.Equal([2, 1, 0], remaining);
        Assert.Equal(RateRefusal.KeyRequests, refused.Refusal);
        Assert.Equal((3, 3, 0L), (refused.RefusedLimit, refused.RequestLimit, refused.RemainingRequests));
        Assert.Equal(0, refused.TokenLimit);
        Assert.Equal(60, refused.ResetSeconds);
    }

    [Fact]
    public void Check_RefusedByKey_NotCountedAgainstTenant()
    {
        var limiter = new RateLimiter(_time);
        var tenant = LimitPolicies.Tenant(rpm: 4);
        var first = LimitPolicies.Key(tenant, rpm: 3);
        var second = LimitPolicies.Key(tenant);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.Check(first, tenant).Admitted);
        }

        Assert.Equal(RateRefusal.KeyRequests, limiter.Check(first, tenant).Refusal);
        Assert.Equal(RateRefusal.KeyRequests, limiter.Check(first, tenant).Refusal);

        // Only the three admitted calls count for the tenant: one more is left, for the other key.
        Assert.True(limiter.Check(second, tenant).Admitted);
        var refused = limiter.Check(second, tenant);
        Assert.Equal(RateRefusal.TenantRequests, refused.Refusal);
        Assert.Equal(4, refused.RefusedLimit);
    }

    [Fact]
    public void Check_NextMinute_WindowResetsAndAdmitsAgain()
    {
        var limiter = new RateLimiter(_time);
        var tenant = LimitPolicies.Tenant();
        var key = LimitPolicies.Key(tenant, rpm: 2);
        _time.Advance(TimeSpan.FromSeconds(40));
        limiter.Check(key, tenant);
        limiter.Check(key, tenant);
        Assert.False(limiter.Check(key, tenant).Admitted);

        _time.Advance(TimeSpan.FromSeconds(19.5));
        var lastHalfSecond = limiter.Check(key, tenant);
        _time.Advance(TimeSpan.FromSeconds(0.5));
        var nextWindow = limiter.Check(key, tenant);

        Assert.Equal(RateRefusal.KeyRequests, lastHalfSecond.Refusal);
        Assert.Equal(1, lastHalfSecond.ResetSeconds);
        Assert.True(nextWindow.Admitted);
        Assert.Equal(1, nextWindow.RemainingRequests);
        Assert.Equal(60, nextWindow.ResetSeconds);
    }

    [Fact]
    public void Check_PartWayThroughMinute_ResetIsWholeSecondsLeft()
    {
        var limiter = new RateLimiter(_time);
        var tenant = LimitPolicies.Tenant(rpm: 10);
        _time.Advance(TimeSpan.FromSeconds(47.2));

        var verdict = limiter.Check(LimitPolicies.Key(tenant), tenant);

        Assert.Equal(13, verdict.ResetSeconds);
    }

    [Fact]
    public void Settle_TokensReachKeyTpm_NextCallRefusedUntilNextWindow()
    {
        var limiter = new RateLimiter(_time);
        var tenant = LimitPolicies.Tenant();
        var key = LimitPolicies.Key(tenant, tpm: 100);
        Assert.Equal(100, limiter.Check(key, tenant).RemainingTokens);

        var (call, result) = LimitPolicies.Finished(key, tenant, input: 70, output: 30);
        limiter.Settle(call, result, 0);
        var refused = limiter.Check(key, tenant);
        _time.Advance(TimeSpan.FromMinutes(1));
        var nextWindow = limiter.Check(key, tenant);

        Assert.Equal(RateRefusal.KeyTokens, refused.Refusal);
        Assert.Equal((100, 100, 0L), (refused.RefusedLimit, refused.TokenLimit, refused.RemainingTokens));
        Assert.True(nextWindow.Admitted);
        Assert.Equal(100, nextWindow.RemainingTokens);
    }

    [Fact]
    public void Settle_TenantTpm_RefusedOnceSettledTokensReachIt()
    {
        var limiter = new RateLimiter(_time);
        var tenant = LimitPolicies.Tenant(tpm: 1000);
        var key = LimitPolicies.Key(tenant);
        var (call, result) = LimitPolicies.Finished(key, tenant, input: 300, output: 200);
        limiter.Settle(call, result, 0);
        var admitted = limiter.Check(key, tenant);

        limiter.Settle(call, result, 0);
        var refused = limiter.Check(key, tenant);

        Assert.True(admitted.Admitted);
        Assert.Equal(500, admitted.RemainingTokens);
        Assert.Equal(RateRefusal.TenantTokens, refused.Refusal);
    }

    [Fact]
    public void Check_KeyAndTenantLimits_HeadersNameTheTightestOfEach()
    {
        var limiter = new RateLimiter(_time);
        var tenant = LimitPolicies.Tenant(rpm: 5, tpm: 10_000);
        var key = LimitPolicies.Key(tenant, rpm: 100, tpm: 50);

        var verdict = limiter.Check(key, tenant);

        Assert.Equal((5, 4L), (verdict.RequestLimit, verdict.RemainingRequests));
        Assert.Equal((50, 50L), (verdict.TokenLimit, verdict.RemainingTokens));
    }

    [Fact]
    public void Message_EachRefusal_NamesScopeKindAndLimit()
    {
        static string For(RateRefusal refusal) => RateLimitAdmission.Message(new RateVerdict(refusal, 7, 7, 0, 0, 0, 12));

        Assert.Equal("Rate limit reached for this API key: 7 requests per minute. Retry after 12 s.", For(RateRefusal.KeyRequests));
        Assert.Contains("this API key: 7 tokens per minute", For(RateRefusal.KeyTokens), StringComparison.Ordinal);
        Assert.Contains("this tenant: 7 requests per minute", For(RateRefusal.TenantRequests), StringComparison.Ordinal);
        Assert.Contains("this tenant: 7 tokens per minute", For(RateRefusal.TenantTokens), StringComparison.Ordinal);
    }
}
