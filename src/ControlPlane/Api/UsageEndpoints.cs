using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Features.Usage;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/usage</c>: the recorded calls (filtered, paged, newest first), one call's trace with
/// every attempt, totals grouped by a dimension, and a CSV export streamed row by row (memory stays
/// flat whatever the period). All read the raw usage events of the caller's tenant.
/// </summary>
internal static class UsageEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var usage = api.MapGroup("/usage").WithTags("Usage");
        usage.MapGet("", ListAsync);
        usage.MapGet("/{id:guid}", TraceAsync);
        usage.MapGet("/aggregate", AggregateAsync);
        usage.MapGet("/export.csv", ExportAsync).Requires(Permission.Export);
    }

    /// <remarks><c>total</c> counts at most 10,000 matches; <c>totalIsCapped</c> says there are more.</remarks>
    private static async Task<Results<Ok<UsageRecordPage>, ProblemHttpResult>> ListAsync(
        IUsageOperations usage, [AsParameters] UsageQuery query, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await usage.ListAsync(new UsageListQuery(query.Filter, page, pageSize), ct));

    private static async Task<Results<Ok<UsageTraceView>, ProblemHttpResult>> TraceAsync(Guid id, IUsageOperations usage, CancellationToken ct) =>
        OutcomeResults.Ok(await usage.TraceAsync(id, ct));

    /// <param name="by">feature, route, model, provider, customer, key, status or endpoint.</param>
    private static async Task<Results<Ok<IReadOnlyList<UsageAggregateRow>>, ProblemHttpResult>> AggregateAsync(
        IUsageOperations usage, [AsParameters] UsageQuery query, string? by, CancellationToken ct) =>
        OutcomeResults.Ok(await usage.AggregateAsync(new UsageAggregateQuery(query.Filter, by), ct));

    private static async Task ExportAsync(HttpContext http, PlatformDbContext db, [AsParameters] UsageQuery query)
    {
        var ct = http.RequestAborted;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"usage.csv\"";
        await using var csv = CsvWriter.Create(http.Response.Body, options: null, leaveOpen: true);
        csv.WriteHeader(CsvColumns);
        var rows = UsageEventQueries.Filtered(db, query.Filter).OrderBy(e => e.StartedAt).ThenBy(e => e.Id).AsAsyncEnumerable();
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

    /// <summary>The query-string filters, bound by name.</summary>
    internal readonly record struct UsageQuery(
        DateTime? From, DateTime? To, string? Route, string? Feature, string? Model, string? Provider, string? Customer,
        Guid? Key, int? Status, bool? Fallback, bool? Failed)
    {
        public UsageFilter Filter => new()
        {
            From = From?.ToUniversalTime(), To = To?.ToUniversalTime(), Route = Route, Feature = Feature, Model = Model,
            Provider = Provider, Customer = Customer, Key = Key, Status = Status, Fallback = Fallback, Failed = Failed,
        };
    }
}
