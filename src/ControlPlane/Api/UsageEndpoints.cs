using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/usage</c>: the recorded calls (filtered, paged, newest first), one call's trace with
/// every attempt, totals grouped by a dimension, and a CSV export streamed row by row (memory stays
/// flat whatever the period). All read the raw usage events of the caller's tenant.
/// </summary>
internal static class UsageEndpoints
{
    private static readonly string[] Dimensions = ["feature", "route", "model", "provider", "customer", "key", "status", "endpoint"];

    public static void Map(RouteGroupBuilder api)
    {
        var usage = api.MapGroup("/usage").WithTags("Usage");
        usage.MapGet("", ListAsync);
        usage.MapGet("/{id:guid}", TraceAsync);
        usage.MapGet("/aggregate", AggregateAsync);
        usage.MapGet("/export.csv", ExportAsync).Requires(Permission.Export);
    }

    private static async Task<IResult> ListAsync(PlatformDbContext db, [AsParameters] UsageQuery query, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var events = Filtered(db, query.Filter);
        var total = await events.CountAsync(ct);
        var rows = await events.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<UsageRecordView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> TraceAsync(Guid id, PlatformDbContext db, CancellationToken ct)
    {
        if (await db.UsageEvents.AsNoTracking().Include(e => e.Attempts).SingleOrDefaultAsync(e => e.Id == id, ct) is not { } call)
        {
            return Problems.NotFound("call");
        }

        var attempts = call.Attempts.OrderBy(a => a.Index)
            .Select(a => new UsageAttemptView(a.Index, a.Provider, a.Model, a.Status, a.ErrorClass, a.LatencyMs,
                a.InputTokens, a.OutputTokens, UsageFilter.Usd(a.CostNanoUsd), a.Cancelled))
            .ToList();
        return Results.Ok(new UsageTraceView(View(call), call.Strategy, call.UpstreamLatencyMs, attempts));
    }

    /// <param name="by">feature, route, model, provider, customer, key, status or endpoint.</param>
    private static async Task<IResult> AggregateAsync(PlatformDbContext db, [AsParameters] UsageQuery query, string? by, CancellationToken ct)
    {
        if (by is null || !Dimensions.Contains(by))
        {
            return Problems.BadRequest($"Group by one of: {string.Join(", ", Dimensions)}.");
        }

        var events = Filtered(db, query.Filter);
        var grouped = by switch
        {
            "feature" => events.GroupBy(e => e.Feature),
            "route" => events.GroupBy(e => e.Route),
            "model" => events.GroupBy(e => e.Model),
            "provider" => events.GroupBy(e => e.Provider),
            "customer" => events.GroupBy(e => e.Customer),
            "endpoint" => events.GroupBy(e => (string?)e.Endpoint),
            "key" => events.GroupBy(e => e.ApiKeyId == null ? null : e.ApiKeyId.ToString()),
            _ => events.GroupBy(e => e.Status.ToString()),
        };
        var rows = await grouped.Select(g => new
        {
            g.Key,
            Requests = g.Count(),
            Errors = g.Count(e => e.Status >= 400),
            Fallbacks = g.Count(e => e.FallbackCount > 0),
            CacheHits = g.Count(e => e.CacheHit),
            InputTokens = g.Sum(e => (long)e.InputTokens),
            OutputTokens = g.Sum(e => (long)e.OutputTokens),
            Cost = g.Sum(e => e.CostNanoUsd),
            Latency = g.Average(e => (double)e.LatencyMs),
        }).ToListAsync(ct);
        return Results.Ok(rows
            .OrderByDescending(r => r.Cost).ThenByDescending(r => r.Requests)
            .Select(r => new UsageAggregateRow(r.Key, r.Requests, r.Errors, r.Fallbacks, r.CacheHits, r.InputTokens, r.OutputTokens,
                UsageFilter.Usd(r.Cost), Math.Round(r.Latency, 1)))
            .ToList());
    }

    private static async Task ExportAsync(HttpContext http, PlatformDbContext db, [AsParameters] UsageQuery query)
    {
        var ct = http.RequestAborted;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"usage.csv\"";
        await using var csv = CsvWriter.Create(http.Response.Body, options: null, leaveOpen: true);
        csv.WriteHeader(CsvColumns);
        var rows = Filtered(db, query.Filter).OrderBy(e => e.StartedAt).ThenBy(e => e.Id).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(CsvFields(row), ct);
        }

        await csv.FlushAsync(ct);
    }

    /// <summary>The export's columns: stable names finance scripts can rely on.</summary>
    private static readonly string[] CsvColumns =
    [
        "id", "startedAt", "endpoint", "route", "feature", "customer", "apiKeyId", "provider", "model", "status", "errorClass",
        "latencyMs", "timeToFirstTokenMs", "inputTokens", "outputTokens", "cachedTokens", "costUsd", "costEstimated", "cacheHit",
        "streamed", "fallbackCount", "degraded", "redacted", "promptName", "promptLabel", "promptVersion",
    ];

    private static string[] CsvFields(UsageEvent e) =>
    [
        e.Id.ToString(), e.StartedAt.ToString("O", CultureInfo.InvariantCulture), e.Endpoint, e.Route ?? "", e.Feature ?? "",
        e.Customer ?? "", e.ApiKeyId?.ToString() ?? "", e.Provider ?? "", e.Model ?? "", Number(e.Status), e.ErrorClass ?? "",
        Number(e.LatencyMs), e.TimeToFirstTokenMs is { } ttft ? Number(ttft) : "", Number(e.InputTokens), Number(e.OutputTokens),
        Number(e.CachedTokens), UsageFilter.Usd(e.CostNanoUsd).ToString(CultureInfo.InvariantCulture), Flag(e.CostEstimated),
        Flag(e.CacheHit), Flag(e.Streamed), Number(e.FallbackCount), Flag(e.Degraded), Flag(e.Redacted), e.PromptName ?? "",
        e.PromptLabel ?? "", e.PromptVersion is { } version ? Number(version) : "",
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";

    private static IQueryable<UsageEvent> Filtered(PlatformDbContext db, UsageFilter f)
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

        if (f.Fallback is { } fallback)
        {
            events = fallback ? events.Where(e => e.FallbackCount > 0) : events.Where(e => e.FallbackCount == 0);
        }

        return events;
    }

    private static UsageRecordView View(UsageEvent e) => new(
        e.Id, e.StartedAt, e.Endpoint, e.Route, e.Feature, e.Customer, e.ApiKeyId, e.Provider, e.Model, e.Status, e.ErrorClass,
        e.LatencyMs, e.TimeToFirstTokenMs, e.InputTokens, e.OutputTokens, e.CachedTokens, UsageFilter.Usd(e.CostNanoUsd),
        e.CostEstimated, e.CacheHit, e.Streamed, e.FallbackCount, e.Degraded, e.Redacted, e.PromptName, e.PromptLabel, e.PromptVersion);

    /// <summary>The query-string filters, bound by name.</summary>
    internal readonly record struct UsageQuery(
        DateTime? From, DateTime? To, string? Route, string? Feature, string? Model, string? Provider, string? Customer,
        Guid? Key, int? Status, bool? Fallback)
    {
        public UsageFilter Filter => new()
        {
            From = From?.ToUniversalTime(), To = To?.ToUniversalTime(), Route = Route, Feature = Feature, Model = Model,
            Provider = Provider, Customer = Customer, Key = Key, Status = Status, Fallback = Fallback,
        };
    }
}
