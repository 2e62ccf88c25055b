using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>A tenant on the standard plan with a Stripe customer and one paid invoice; counts the invoice pages asked for.</summary>
internal sealed class FakeBillingOperations : IBillingOperations
{
    public static readonly InvoiceView Paid = new(
        Guid.NewGuid(), "in_test_1", "ACME-0001", "paid", "usd", 12.34m, 12.34m,
        new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc),
        "https://invoice.stripe.test/i/in_test_1", new DateTime(2026, 5, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 2, 1, 0, 0, DateTimeKind.Utc));

    public List<(int? Page, int? PageSize)> InvoicePages { get; } = [];

    public Task<Outcome<BillingView>> GetAsync(CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new BillingView(
            true, "standard", 20m, "active", "cus_test_acme", new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), 10m, 12m)));

    public Task<Outcome<Page<InvoiceView>>> InvoicesAsync(int? page, int? pageSize, CancellationToken ct)
    {
        InvoicePages.Add((page, pageSize));
        var paging = Paging.From(page, pageSize);
        return Task.FromResult(Outcome.Ok(new Page<InvoiceView>(paging.PageNumber == 1 ? [Paid] : [], paging.PageNumber, paging.PageSize, 1)));
    }

    public Task<Outcome<Page<BillingRecordView>>> RecordsAsync(int? page, int? pageSize, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new Page<BillingRecordView>([], 1, 50, 0)));
}
