using Platform.Shared.Domain;

namespace Platform.Shared.Config;

public sealed record BudgetConfig
{
    public required string Name { get; init; }

    public BudgetScope Scope { get; init; }

    /// <summary>The feature or API key name; null for the tenant scope.</summary>
    public string? ScopeValue { get; init; }

    public BudgetPeriod Period { get; init; }

    public DateTime? Start { get; init; }

    public DateTime? End { get; init; }

    public decimal LimitUsd { get; init; }

    public BudgetAction Action { get; init; }

    public string? DowngradeTier { get; init; }

    public IReadOnlyList<int> Thresholds { get; init; } = [];

    public IReadOnlyList<string> AlertEmails { get; init; } = [];

    public string? AlertWebhookUrl { get; init; }

    public ConfigLocation Location { get; init; }
}
