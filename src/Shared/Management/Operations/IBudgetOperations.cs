namespace Platform.Shared.Management.Operations;

/// <summary>
/// Budgets (spend limits with their alert rule), for the management API (<c>/api/v1/budgets</c>)
/// and the dashboard's budgets page alike. Reads are open to every role; writes need Configure.
/// </summary>
public interface IBudgetOperations
{
    Task<Outcome<Page<BudgetView>>> ListAsync(BudgetQuery query, CancellationToken ct);

    /// <summary>The same page as <see cref="ListAsync"/>, each budget with its current period's exact spend.</summary>
    Task<Outcome<Page<BudgetProgressView>>> ProgressAsync(BudgetQuery query, CancellationToken ct);

    Task<Outcome<BudgetView>> GetAsync(Guid id, CancellationToken ct);

    Task<Outcome<BudgetView>> CreateAsync(BudgetInput input, CancellationToken ct);

    /// <param name="ifMatch">ETags the caller read (If-Match); null means last writer wins.</param>
    Task<Outcome<BudgetView>> UpdateAsync(Guid id, BudgetInput input, string? ifMatch, CancellationToken ct);

    /// <summary>The budget's alerts stay: they are history.</summary>
    /// <returns>The budget as it was.</returns>
    Task<Outcome<BudgetView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct);
}
