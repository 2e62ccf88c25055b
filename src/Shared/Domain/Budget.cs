namespace Platform.Shared.Domain;

public sealed class Budget : TenantEntity, IPolicyEntity
{
    public required string Name { get; set; }

    public BudgetScope Scope { get; set; }

    /// <summary>The feature name or API key name the budget applies to; null for the whole tenant.</summary>
    public string? ScopeValue { get; set; }

    public BudgetPeriod Period { get; set; }

    public DateTime? CustomStart { get; set; }

    public DateTime? CustomEnd { get; set; }

    public decimal LimitUsd { get; set; }

    public BudgetAction Action { get; set; }

    /// <summary>For <see cref="BudgetAction.Downgrade"/>: the tier to route to.</summary>
    public string? DowngradeTier { get; set; }

    /// <summary>Percentages of the limit that raise an alert, e.g. 50, 80, 100.</summary>
    public List<int> ThresholdsPercent { get; set; } = [];

    public List<string> AlertEmails { get; set; } = [];

    public string? AlertWebhookUrl { get; set; }
}
