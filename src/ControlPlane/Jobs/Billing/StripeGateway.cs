using Platform.Shared.Domain;
using Stripe;

namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>
/// The Stripe calls billing makes, each with its idempotency key: Stripe answers a repeated key
/// with the object it created the first time, so a run that crashed after a call and repeats it
/// bills nothing twice. Stripe keeps keys for 24 hours; the ids a run saves cover retries after that.
/// </summary>
internal sealed class StripeGateway(IStripeClient client)
{
    private readonly CustomerService _customers = new(client);
    private readonly InvoiceItemService _items = new(client);
    private readonly InvoiceService _invoices = new(client);

    public async Task<string> CreateCustomerAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var customer = await _customers.CreateAsync(
            new CustomerCreateOptions
            {
                Name = tenant.Name,
                Metadata = new Dictionary<string, string> { ["tenant_id"] = tenant.Id.ToString(), ["tenant_slug"] = tenant.Slug },
            },
            new RequestOptions { IdempotencyKey = BillingPeriods.CustomerIdempotencyKey(tenant.Id) },
            cancellationToken);
        return customer.Id;
    }

    public async Task<string> CreateInvoiceItemAsync(string customerId, BillingRecord record, CancellationToken cancellationToken)
    {
        var item = await _items.CreateAsync(
            new InvoiceItemCreateOptions
            {
                Customer = customerId,
                Amount = record.AmountCents,
                Currency = "usd",
                Description = $"LLM usage {BillingPeriods.Label(record.PeriodStart)} (+{BillingPeriods.Percent(record.MarkupPercent)} platform fee)",
                Period = new InvoiceItemPeriodOptions { Start = record.PeriodStart, End = record.PeriodEnd },
                Metadata = Metadata(record),
            },
            new RequestOptions { IdempotencyKey = record.IdempotencyKey + "-item" },
            cancellationToken);
        return item.Id;
    }

    /// <summary>The invoice takes the customer's pending items: this month's item, and only it, because a run bills a tenant's months one at a time, oldest first.</summary>
    public Task<Stripe.Invoice> CreateInvoiceAsync(string customerId, BillingRecord record, CancellationToken cancellationToken) =>
        _invoices.CreateAsync(
            new InvoiceCreateOptions
            {
                Customer = customerId,
                PendingInvoiceItemsBehavior = "include",
                AutoAdvance = true,
                Metadata = Metadata(record),
            },
            new RequestOptions { IdempotencyKey = record.IdempotencyKey + "-invoice" },
            cancellationToken);

    public Task<Stripe.Invoice> GetInvoiceAsync(string invoiceId, CancellationToken cancellationToken) =>
        _invoices.GetAsync(invoiceId, options: null, requestOptions: null, cancellationToken);

    public Task<Stripe.Invoice> FinalizeInvoiceAsync(BillingRecord record, CancellationToken cancellationToken) =>
        _invoices.FinalizeInvoiceAsync(
            record.StripeInvoiceId,
            new InvoiceFinalizeOptions { AutoAdvance = true },
            new RequestOptions { IdempotencyKey = record.IdempotencyKey + "-finalize" },
            cancellationToken);

    /// <summary>What the webhook reads back: whose invoice, and which month it bills.</summary>
    private static Dictionary<string, string> Metadata(BillingRecord record) => new()
    {
        ["tenant_id"] = record.TenantId.ToString(),
        ["billing_key"] = record.IdempotencyKey,
        ["period"] = BillingPeriods.Label(record.PeriodStart),
    };
}
