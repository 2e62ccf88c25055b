namespace Platform.Shared.Domain;

/// <summary>A Stripe webhook event already applied; Stripe redelivers, and an event applies once.</summary>
public sealed class StripeEventRecord : IGlobalEntity
{
    public required string Id { get; set; }

    public required string Type { get; set; }

    public DateTime ReceivedAt { get; set; }
}
