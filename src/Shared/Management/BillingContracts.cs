using FluentValidation;

namespace Platform.Shared.Management;

/// <summary>
/// The tenant's billing: its plan and markup, whether its last Stripe invoice was paid
/// (<c>active</c>) or its payment failed (<c>past_due</c>), and the current month so far. Money is
/// in USD; <see cref="EstimatedChargeUsd"/> is what the month would be billed if it closed now,
/// null when the plan is not configured. <see cref="Enabled"/> is false when this control plane
/// sends nothing to Stripe.
/// </summary>
public sealed record BillingView(
    bool Enabled,
    string Plan,
    decimal? MarkupPercent,
    string BillingStatus,
    string? StripeCustomerId,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    decimal UsageUsd,
    decimal? EstimatedChargeUsd);

/// <summary>A Stripe invoice as last seen (Stripe stays the source of truth). Status: draft, open, paid, uncollectible or void.</summary>
public sealed record InvoiceView(
    Guid Id,
    string StripeInvoiceId,
    string? Number,
    string Status,
    string Currency,
    decimal AmountDueUsd,
    decimal AmountPaidUsd,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    string? HostedInvoiceUrl,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>
/// One month's billing run: the usage at call-time prices, the plan's markup, what Stripe was asked
/// to charge, and how it went. Status: <c>pending</c>, <c>sent</c> or <c>failed</c> (with Stripe's
/// error; the next daily run retries).
/// </summary>
public sealed record BillingRecordView(
    Guid Id,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    string Status,
    decimal UsageUsd,
    string Plan,
    decimal MarkupPercent,
    decimal AmountUsd,
    string? StripeInvoiceItemId,
    string? StripeInvoiceId,
    string? Error,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>What a Stripe webhook delivery did: <c>applied</c>, <c>duplicate</c> (applied before) or <c>ignored</c>.</summary>
public sealed record StripeWebhookResult(string Outcome);

/// <summary>A platform operator moves a tenant to another billing plan (one of the control plane's <c>Billing:Plans</c>).</summary>
public sealed record TenantPlanInput
{
    public string Plan { get; init; } = "";
}

public sealed class TenantPlanInputValidator : AbstractValidator<TenantPlanInput>
{
    public TenantPlanInputValidator() =>
        RuleFor(p => p.Plan).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$")
            .WithMessage("Plan is a plan name: letters, digits, '-' and '_', at most 64.");
}

public sealed record TenantPlanView(Guid TenantId, string Plan, decimal MarkupPercent);
