namespace Platform.Shared.Management.Operations;

/// <summary>
/// The tenant's billing as Stripe and the monthly runs left it, for the management API
/// (<c>/api/v1/billing</c>) and the dashboard's finance page alike. Owner and finance only.
/// </summary>
public interface IBillingOperations
{
    Task<Outcome<BillingView>> GetAsync(CancellationToken ct);

    /// <summary>Mirrored from Stripe, newest period first.</summary>
    Task<Outcome<Page<InvoiceView>>> InvoicesAsync(int? page, int? pageSize, CancellationToken ct);

    /// <summary>The monthly billing runs, newest period first.</summary>
    Task<Outcome<Page<BillingRecordView>>> RecordsAsync(int? page, int? pageSize, CancellationToken ct);
}
