using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ControlPlane.Jobs;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>What the roll-up, retention and finance tests share: a fresh tenant, usage events written as the data plane writes them, a job run.</summary>
internal static class RollupsTestData
{
    public static async Task<(string Slug, Guid TenantId)> NewTenantAsync(ControlPlaneFixture fixture)
    {
        var slug = await TestTenants.CreateAsync(fixture);
        await using var db = fixture.Db(null);
        return (slug, await db.Tenants.IgnoreQueryFilters().Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());
    }

    /// <summary>The start of the current UTC hour minus <paramref name="hours"/>.</summary>
    public static DateTime HoursAgo(int hours)
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(-hours);
    }

    public static UsageEvent Call(
        Guid tenantId, DateTime at, long costNanoUsd, string? feature = "chat", string? model = "gpt-x", string? provider = "openai",
        string? route = "default", string? customer = null, Guid? apiKeyId = null, int status = 200, int fallbacks = 0, bool cacheHit = false) => new()
    {
        TenantId = tenantId,
        Endpoint = "chat",
        StartedAt = at,
        CostNanoUsd = costNanoUsd,
        Feature = feature,
        Model = model,
        Provider = provider,
        Route = route,
        Customer = customer,
        ApiKeyId = apiKeyId,
        Status = status,
        FallbackCount = fallbacks,
        CacheHit = cacheHit,
        InputTokens = (int)(costNanoUsd % 997) + 1,
        OutputTokens = (int)(costNanoUsd % 389) + 2,
        CachedTokens = (int)(costNanoUsd % 7),
        LatencyMs = (int)(costNanoUsd % 1_000) + 5,
    };

    public static async Task InsertAsync(ControlPlaneFixture fixture, Guid tenantId, IEnumerable<UsageEvent> events)
    {
        await using var db = fixture.Db(tenantId);
        db.UsageEvents.AddRange(events);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the job as Hangfire's runner does: resolved in a scope of its own.</summary>
    public static async Task RunAsync<TJob>(ControlPlaneFixture fixture)
        where TJob : IPlatformJob
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(CancellationToken.None);
    }

    public static async Task<List<UsageRollup>> RollupsAsync(ControlPlaneFixture fixture, Guid tenantId)
    {
        await using var db = fixture.Db(tenantId);
        return await db.UsageRollups.AsNoTracking().ToListAsync();
    }

    /// <summary>The roll-up rows the events should make, as comparable tuples in a stable order.</summary>
    public static List<string> Expected(IEnumerable<UsageEvent> events, RollupGranularity granularity) =>
    [
        .. events
            .GroupBy(e => (Bucket: Bucket(e.StartedAt, granularity), e.Feature, e.Route, e.Provider, e.Model, e.Customer, e.ApiKeyId))
            .Select(g => Row(
                g.Key.Bucket, g.Key.Feature ?? "", g.Key.Route ?? "", g.Key.Provider ?? "", g.Key.Model ?? "", g.Key.Customer ?? "", g.Key.ApiKeyId,
                g.Count(), g.Count(e => e.Status >= 400), g.Count(e => e.FallbackCount > 0), g.Count(e => e.CacheHit),
                g.Sum(e => (long)e.InputTokens), g.Sum(e => (long)e.OutputTokens), g.Sum(e => (long)e.CachedTokens),
                g.Sum(e => e.CostNanoUsd), g.Sum(e => (long)e.LatencyMs)))
            .Order(StringComparer.Ordinal),
    ];

    public static List<string> Actual(IEnumerable<UsageRollup> rollups, RollupGranularity granularity) =>
    [
        .. rollups.Where(r => r.Granularity == granularity)
            .Select(r => Row(r.BucketStart, r.Feature, r.Route, r.Provider, r.Model, r.Customer, r.ApiKeyId, r.Requests, r.Errors, r.Fallbacks,
                r.CacheHits, r.InputTokens, r.OutputTokens, r.CachedTokens, r.CostNanoUsd, r.LatencyMsSum))
            .Order(StringComparer.Ordinal),
    ];

    private static DateTime Bucket(DateTime at, RollupGranularity granularity) => granularity == RollupGranularity.Day
        ? at.Date
        : new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc);

    private static string Row(
        DateTime bucket, string feature, string route, string provider, string model, string customer, Guid? key, long requests, long errors,
        long fallbacks, long cacheHits, long input, long output, long cached, long cost, long latency) =>
        $"{bucket:O}|{feature}|{route}|{provider}|{model}|{customer}|{key}|{requests}|{errors}|{fallbacks}|{cacheHits}|{input}|{output}|{cached}|{cost}|{latency}";
}
