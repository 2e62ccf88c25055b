namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>Section <c>Billing:Stripe</c>. Set the key and the webhook secret through the environment (<c>Billing__Stripe__ApiKey</c>).</summary>
internal sealed record StripeOptions
{
    /// <summary>A secret (<c>sk_…</c>) or restricted (<c>rk_…</c>) key; none turns billing off.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Stripe's API; tests point it at a fake on loopback.</summary>
    public string ApiBase { get; init; } = "https://api.stripe.com";

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>); none refuses webhooks.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Stripe.net's own retries of a failed request (same idempotency key), before a run records the failure.</summary>
    public int MaxNetworkRetries { get; init; } = 2;
}
