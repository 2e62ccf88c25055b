namespace Platform.Shared.Management.Operations;

/// <summary>
/// The recorded data-plane calls, for the management API (<c>/api/v1/usage</c>) and the dashboard's
/// usage pages alike. Read only, open to every role, always the caller's tenant.
/// </summary>
public interface IUsageOperations
{
    /// <summary>Newest first; the total is counted up to <see cref="UsageRecordPage.CountCap"/>.</summary>
    Task<Outcome<UsageRecordPage>> ListAsync(UsageListQuery query, CancellationToken ct);

    /// <summary>One call with every upstream attempt, in order.</summary>
    Task<Outcome<UsageTraceView>> TraceAsync(Guid id, CancellationToken ct);

    /// <summary>Totals per value of the dimension, most expensive first.</summary>
    Task<Outcome<IReadOnlyList<UsageAggregateRow>>> AggregateAsync(UsageAggregateQuery query, CancellationToken ct);
}
