namespace Platform.Shared.Domain;

public sealed class Tenant : IGlobalEntity
{
    public Guid Id { get; set; } = Ids.NewVersion7();

    /// <summary>URL-safe unique name, e.g. <c>demo</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Bumped on every change to a policy row; data planes reload when it moves.</summary>
    public long ConfigVersion { get; set; }

    public string? StripeCustomerId { get; set; }

    /// <summary>The billing plan's name (its markup and base fee live in the control plane's options).</summary>
    public string Plan { get; set; } = "standard";

    /// <summary>Mirrors the latest Stripe invoice: paid keeps it active, a failed payment makes it past due.</summary>
    public TenantBillingStatus BillingStatus { get; set; }

    /// <summary>Days raw usage events are kept; roll-ups are kept for good.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>The secret that signs this tenant's alert webhooks, sealed with Data Protection.</summary>
    public string? WebhookSecretProtected { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Requests per minute across all the tenant's keys; null for no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Tokens (input + output) per minute across all the tenant's keys; null for no limit.</summary>
    public int? TokensPerMinute { get; set; }
}

public enum TenantBillingStatus
{
    Active = 0,
    PastDue = 1,
}
