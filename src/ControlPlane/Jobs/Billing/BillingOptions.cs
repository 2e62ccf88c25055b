namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>
/// Section <c>Billing</c>: the Stripe account and the plans' markups. Without
/// <see cref="StripeOptions.ApiKey"/> (the embedded default) billing is off: nothing is sent to Stripe.
/// </summary>
internal sealed record BillingOptions
{
    public const string Section = "Billing";

    public StripeOptions Stripe { get; init; } = new();

    /// <summary>
    /// Plan name (a tenant's <c>Plan</c>) to its price list. Configured plans are added to these
    /// defaults (or override them by name); a tenant on a plan not listed is not billed, with an error in the log.
    /// </summary>
    public Dictionary<string, BillingPlan> Plans { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["standard"] = new BillingPlan { MarkupPercent = 20m },
        ["enterprise"] = new BillingPlan { MarkupPercent = 10m },
    };

    /// <summary>
    /// How many closed months back a run looks for unbilled usage. Bounded so a tenant's first
    /// billing run after years of usage does not invoice its whole history at once.
    /// </summary>
    public int MonthsBack { get; init; } = 3;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Stripe.ApiKey);

    public BillingPlan? Plan(string name) => Plans.TryGetValue(name, out var plan) ? plan : null;

    /// <summary>Every problem with these options, as sentences an operator can act on.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(Stripe.ApiBase, UriKind.Absolute, out var apiBase) || apiBase.Scheme is not ("https" or "http"))
        {
            errors.Add($"{Section}:Stripe:ApiBase '{Stripe.ApiBase}' is not an http(s) URL.");
        }

        if (IsEnabled && Stripe.ApiKey!.Any(char.IsWhiteSpace))
        {
            errors.Add($"{Section}:Stripe:ApiKey contains whitespace.");
        }

        if (Stripe.MaxNetworkRetries is < 0 or > 10)
        {
            errors.Add($"{Section}:Stripe:MaxNetworkRetries must be between 0 and 10.");
        }

        if (MonthsBack is < 1 or > 24)
        {
            errors.Add($"{Section}:MonthsBack must be between 1 and 24.");
        }

        foreach (var (name, plan) in Plans)
        {
            if (plan.MarkupPercent is < 0 or > 1000)
            {
                errors.Add($"{Section}:Plans:{name}:MarkupPercent must be between 0 and 1000.");
            }
        }

        return errors;
    }
}
