namespace Platform.Shared.Domain;

/// <summary>A Stripe invoice mirrored for the dashboard; Stripe stays the source of truth.</summary>
public sealed class Invoice : TenantEntity
{
    public required string StripeInvoiceId { get; set; }

    public string? Number { get; set; }

    /// <summary>Stripe's status: draft, open, paid, uncollectible, void.</summary>
    public required string Status { get; set; }

    public string Currency { get; set; } = "usd";

    public long AmountDueCents { get; set; }

    public long AmountPaidCents { get; set; }

    public DateTime PeriodStart { get; set; }

    public DateTime PeriodEnd { get; set; }

    public string? HostedInvoiceUrl { get; set; }
}
