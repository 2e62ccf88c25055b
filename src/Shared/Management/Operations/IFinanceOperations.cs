namespace Platform.Shared.Management.Operations;

/// <summary>
/// A period's spend grouped by one dimension, priced at call time: the numbers of
/// <c>GET /api/v1/finance/spend</c> and of the dashboard's finance page. Owner, admin and finance only.
/// </summary>
public interface IFinanceOperations
{
    /// <summary>The words <see cref="SpendAsync"/> groups by, in the order a picker lists them.</summary>
    static readonly IReadOnlyList<string> Groupings = ["feature", "route", "model", "provider", "customer", "key"];

    /// <param name="from">Start, inclusive, UTC, a whole hour.</param>
    /// <param name="to">End, exclusive, UTC, a whole hour; at most 400 days after <paramref name="from"/>.</param>
    /// <param name="by">One of <see cref="Groupings"/>.</param>
    Task<Outcome<FinanceSpendReport>> SpendAsync(DateTime from, DateTime to, string by, CancellationToken ct);
}
