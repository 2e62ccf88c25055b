using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Features.Providers;

/// <summary>
/// Health per provider and per model from the recorded upstream attempts of calls that started in
/// the window. Attempts carry no time of their own, so the window is on their call's
/// <c>StartedAt</c>, the (TenantId, StartedAt) index; counts and last errors are grouped in SQL,
/// and each percentile is one nearest-rank row read with ORDER BY/OFFSET, so no raw rows come back
/// whatever the traffic. Latency is of successful attempts: a fast 401 is not a fast model.
/// </summary>
internal sealed class CatalogHealthReader(PlatformDbContext db, TimeProvider time)
{
    public async Task<CatalogHealthView> ReadAsync(TimeSpan window, CancellationToken ct)
    {
        var to = time.GetUtcNow().UtcDateTime;
        var from = to - window;
        var attempts = Attempts(from, to);

        var models = await attempts.GroupBy(a => new { a.Provider, a.Model })
            .Select(g => new { g.Key.Provider, g.Key.Model, Calls = g.Count(), Errors = g.Count(a => a.ErrorClass != null) })
            .ToListAsync(ct);
        var errors = await attempts.Where(a => a.ErrorClass != null)
            .GroupBy(a => new { a.Provider, a.Model, a.ErrorClass })
            .Select(g => new { g.Key.Provider, g.Key.Model, g.Key.ErrorClass, At = g.Max(a => a.StartedAt) })
            .ToListAsync(ct);
        var circuits = await CircuitInference.ReadAsync(db, to, ct);

        var modelViews = new List<ModelHealthView>(models.Count);
        foreach (var m in models.OrderBy(m => m.Provider, StringComparer.Ordinal).ThenBy(m => m.Model, StringComparer.Ordinal))
        {
            var ofModel = attempts.Where(a => a.Provider == m.Provider && a.Model == m.Model);
            var last = errors.Where(e => e.Provider == m.Provider && e.Model == m.Model).MaxBy(e => e.At);
            var stats = await StatsAsync(ofModel, m.Calls, m.Errors, last?.ErrorClass, last?.At, ct);
            var circuit = circuits.GetValueOrDefault((m.Provider, m.Model), CircuitInference.Closed);
            modelViews.Add(new ModelHealthView(m.Provider, m.Model, stats, circuit));
        }

        var providerViews = new List<ProviderHealthView>();
        foreach (var provider in modelViews.GroupBy(m => m.Provider, StringComparer.Ordinal))
        {
            var name = provider.Key;
            var last = errors.Where(e => e.Provider == name).MaxBy(e => e.At);
            var stats = await StatsAsync(
                attempts.Where(a => a.Provider == name), provider.Sum(m => m.Stats.Calls), provider.Sum(m => m.Stats.Errors), last?.ErrorClass, last?.At, ct);
            providerViews.Add(new ProviderHealthView(name, stats, provider.Count(m => m.Circuit.State == CircuitInference.Open)));
        }

        return new CatalogHealthView(from, to, providerViews, modelViews);
    }

    /// <summary>Every non-cancelled attempt of the calls started in [start, end): a hedge loser the data plane cancelled says nothing about health.</summary>
    internal static IQueryable<HealthAttempt> Attempts(PlatformDbContext db, DateTime start, DateTime end) =>
        db.UsageEvents.AsNoTracking()
            .Where(e => e.StartedAt >= start && e.StartedAt < end)
            .Join(db.UsageAttempts.AsNoTracking().Where(a => !a.Cancelled), e => e.Id, a => a.UsageEventId, (e, a) => new HealthAttempt
            {
                Provider = a.Provider,
                Model = a.Model,
                ErrorClass = a.ErrorClass,
                LatencyMs = a.LatencyMs,
                StartedAt = e.StartedAt,
            });

    private IQueryable<HealthAttempt> Attempts(DateTime from, DateTime to) => Attempts(db, from, to);

    private static async Task<HealthStats> StatsAsync(
        IQueryable<HealthAttempt> group, int calls, int errors, string? lastError, DateTime? lastErrorAt, CancellationToken ct)
    {
        var succeeded = calls - errors;
        var ok = group.Where(a => a.ErrorClass == null);
        return new HealthStats(
            calls, errors, await PercentileAsync(ok, succeeded, 50, ct), await PercentileAsync(ok, succeeded, 95, ct), lastError, lastErrorAt);
    }

    /// <summary>Nearest rank, as the overview computes it; one row read, sorted by the database.</summary>
    private static async Task<int?> PercentileAsync(IQueryable<HealthAttempt> ok, int count, int percent, CancellationToken ct)
    {
        if (count == 0)
        {
            return null;
        }

        var rank = Math.Clamp((int)Math.Ceiling(percent / 100.0 * count) - 1, 0, count - 1);
        return await ok.OrderBy(a => a.LatencyMs).Skip(rank).Select(a => (int?)a.LatencyMs).FirstOrDefaultAsync(ct);
    }
}
