namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>A price list: what the platform adds on top of the usage's call-time price.</summary>
internal sealed record BillingPlan
{
    /// <summary>E.g. 20 bills $1.20 for $1.00 of usage.</summary>
    public decimal MarkupPercent { get; init; }
}
