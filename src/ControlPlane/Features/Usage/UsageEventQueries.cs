using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Features.Usage;

/// <summary>The filtered usage events and their wire view, shared by the operations and the CSV export.</summary>
internal static class UsageEventQueries
{
    /// <summary>
    /// Every filter is an equality or range on the event row, so with the tenant filter SQLite walks
    /// the (TenantId, StartedAt) index newest first and stops once a page (or the capped count) is full.
    /// </summary>
    public static IQueryable<UsageEvent> Filtered(PlatformDbContext db, UsageFilter f)
    {
        var events = db.UsageEvents.AsNoTracking();
        if (f.From is { } from)
        {
            events = events.Where(e => e.StartedAt >= from);
        }

        if (f.To is { } to)
        {
            events = events.Where(e => e.StartedAt < to);
        }

        if (f.Route is { } route)
        {
            events = events.Where(e => e.Route == route);
        }

        if (f.Feature is { } feature)
        {
            events = events.Where(e => e.Feature == feature);
        }

        if (f.Model is { } model)
        {
            events = events.Where(e => e.Model == model);
        }

        if (f.Provider is { } provider)
        {
            events = events.Where(e => e.Provider == provider);
        }

        if (f.Customer is { } customer)
        {
            events = events.Where(e => e.Customer == customer);
        }

        if (f.Key is { } key)
        {
            events = events.Where(e => e.ApiKeyId == key);
        }

        if (f.Status is { } status)
        {
            events = events.Where(e => e.Status == status);
        }

        if (f.Failed is { } failed)
        {
            events = failed ? events.Where(e => e.Status >= 400) : events.Where(e => e.Status < 400);
        }

        if (f.Fallback is { } fallback)
        {
            events = fallback ? events.Where(e => e.FallbackCount > 0) : events.Where(e => e.FallbackCount == 0);
        }

        return events;
    }

    public static UsageRecordView View(UsageEvent e) => new(
        e.Id, e.StartedAt, e.Endpoint, e.Route, e.Feature, e.Customer, e.ApiKeyId, e.Provider, e.Model, e.Status, e.ErrorClass,
        e.LatencyMs, e.TimeToFirstTokenMs, e.InputTokens, e.OutputTokens, e.CachedTokens, UsageFilter.Usd(e.CostNanoUsd),
        e.CostEstimated, e.CacheHit, e.Streamed, e.FallbackCount, e.Degraded, e.Redacted, e.PromptName, e.PromptLabel, e.PromptVersion);
}
