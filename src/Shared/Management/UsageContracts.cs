namespace Platform.Shared.Management;

/// <summary>One recorded call, as the usage list shows it. Money in USD (exact: nano-USD / 10^9).</summary>
public sealed record UsageRecordView(
    Guid Id,
    DateTime StartedAt,
    string Endpoint,
    string? Route,
    string? Feature,
    string? Customer,
    Guid? ApiKeyId,
    string? Provider,
    string? Model,
    int Status,
    string? ErrorClass,
    int LatencyMs,
    int? TimeToFirstTokenMs,
    int InputTokens,
    int OutputTokens,
    int CachedTokens,
    decimal CostUsd,
    bool CostEstimated,
    bool CacheHit,
    bool Streamed,
    int FallbackCount,
    bool Degraded,
    bool Redacted,
    string? PromptName,
    string? PromptLabel,
    int? PromptVersion);

/// <summary>One upstream attempt of a call, in order.</summary>
public sealed record UsageAttemptView(
    int Index, string Provider, string Model, int? Status, string? ErrorClass, int LatencyMs,
    int InputTokens, int OutputTokens, decimal CostUsd, bool Cancelled);

/// <summary>A call and every attempt it made: what on-call opens to see why a call went wrong.</summary>
public sealed record UsageTraceView(UsageRecordView Call, string? Strategy, int? UpstreamLatencyMs, IReadOnlyList<UsageAttemptView> Attempts);

/// <summary>Totals of the calls sharing one value of the grouping dimension.</summary>
public sealed record UsageAggregateRow(
    string? Key, int Requests, int Errors, int Fallbacks, int CacheHits, long InputTokens, long OutputTokens, decimal CostUsd, double AverageLatencyMs);

/// <summary>The filters every usage query takes (all optional; times are UTC, <c>to</c> exclusive).</summary>
public sealed record UsageFilter
{
    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public string? Route { get; init; }

    public string? Feature { get; init; }

    public string? Model { get; init; }

    public string? Provider { get; init; }

    public string? Customer { get; init; }

    public Guid? Key { get; init; }

    public int? Status { get; init; }

    /// <summary>True: only calls that fell back; false: only calls that did not.</summary>
    public bool? Fallback { get; init; }

    /// <summary>True: only failed calls (status 400 or more); false: only successful ones.</summary>
    public bool? Failed { get; init; }

    public static decimal Usd(long nanoUsd) => nanoUsd / 1_000_000_000m;
}

/// <summary>One page of the call list: the filters, and the 1-based page of <see cref="Paging"/>.</summary>
public sealed record UsageListQuery(UsageFilter Filter, int? Page = null, int? PageSize = null);

/// <summary>
/// One page of calls. <see cref="Total"/> counts the matches only up to <see cref="CountCap"/>:
/// an exact count of a million rows costs a scan on every page, while a capped count stops at the
/// cap. <see cref="TotalIsCapped"/> says there are more than <see cref="Total"/>.
/// </summary>
public sealed record UsageRecordPage(IReadOnlyList<UsageRecordView> Items, int PageNumber, int PageSize, int Total, bool TotalIsCapped)
{
    public const int CountCap = 10_000;
}

/// <summary>Totals of the filtered calls grouped <see cref="By"/> one of <see cref="Dimensions"/>.</summary>
public sealed record UsageAggregateQuery(UsageFilter Filter, string? By)
{
    public static readonly IReadOnlyList<string> Dimensions = ["feature", "route", "model", "provider", "customer", "key", "status", "endpoint"];
}
