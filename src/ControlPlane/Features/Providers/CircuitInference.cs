using Microsoft.EntityFrameworkCore;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Features.Providers;

/// <summary>
/// A model's circuit, inferred: the data plane keeps its breakers in memory and a candidate skipped
/// for an open circuit is not recorded as an attempt, so usage cannot say "open" for certain. This
/// replays the default breaker of a fallback policy (<see cref="CircuitBreakerSettings"/>: 50% of at
/// least 10 attempts in 30 s failing with a breaking class opens it for 15 s) over the attempts of
/// the last 45 s. A policy with other settings breaks at other points; the page says "inferred".
/// </summary>
internal static class CircuitInference
{
    public const string Open = "open";

    public static readonly CircuitView Closed = new("closed", Inferred: true, Since: null);

    private static readonly CircuitBreakerSettings Breaker = new();

    /// <summary>The classes the data plane's breaker counts; an array, which EF translates to SQL <c>IN</c>.</summary>
    private static readonly string[] Breaking = [.. ConfigVocabulary.BreakingErrorClasses];

    /// <summary>The models whose circuit reads as open now, by (provider, upstream id); any other model reads as <see cref="Closed"/>.</summary>
    public static async Task<Dictionary<(string Provider, string Model), CircuitView>> ReadAsync(PlatformDbContext db, DateTime now, CancellationToken ct)
    {
        var breakFor = TimeSpan.FromSeconds(Breaker.BreakSeconds);
        var recent = CatalogHealthReader.Attempts(db, now - TimeSpan.FromSeconds(Breaker.SamplingSeconds) - breakFor, now.AddTicks(1));
        var groups = await recent.GroupBy(a => new { a.Provider, a.Model })
            .Select(g => new
            {
                g.Key.Provider,
                g.Key.Model,
                Calls = g.Count(),
                Breaking = g.Count(a => a.ErrorClass != null && Breaking.Contains(a.ErrorClass)),
                LastBreaking = g.Where(a => a.ErrorClass != null && Breaking.Contains(a.ErrorClass)).Max(a => (DateTime?)a.StartedAt),
            })
            .ToListAsync(ct);

        return groups
            .Where(g => g.Calls >= Breaker.MinimumThroughput
                && (double)g.Breaking / g.Calls >= Breaker.FailureRatio
                && g.LastBreaking >= now - breakFor)
            .ToDictionary(g => (g.Provider, g.Model), g => new CircuitView(Open, Inferred: true, g.LastBreaking));
    }
}
