namespace Platform.Shared.Domain;

public enum BillingStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>One tenant's usage billed to Stripe for a period, sent with an idempotency key.</summary>
public sealed class BillingRecord : TenantEntity
{
    public DateTime PeriodStart { get; set; }

    public DateTime PeriodEnd { get; set; }

    public long AmountNanoUsd { get; set; }

    public required string IdempotencyKey { get; set; }

    public string? StripeInvoiceItemId { get; set; }

    public BillingStatus Status { get; set; }

    public string? Error { get; set; }
}
