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

    /// <summary>The period's usage at call-time prices.</summary>
    public long AmountNanoUsd { get; set; }

    /// <summary>The tenant's plan when billed, and its markup over usage.</summary>
    public string Plan { get; set; } = "";

    public decimal MarkupPercent { get; set; }

    /// <summary>What Stripe is asked to charge: usage plus markup, in cents, rounded half up.</summary>
    public long AmountCents { get; set; }

    public string? StripeInvoiceId { get; set; }

    public required string IdempotencyKey { get; set; }

    public string? StripeInvoiceItemId { get; set; }

    public BillingStatus Status { get; set; }

    public string? Error { get; set; }
}
