namespace Platform.Shared.Config;

public sealed record TenantConfig
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

    /// <summary>Requests per minute across all the tenant's keys; null for no limit.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tokens per minute across all the tenant's keys; null for no limit.</summary>
    public int? TokensPerMinute { get; init; }

    public IReadOnlyList<ProviderConfig> Providers { get; init; } = [];

    public IReadOnlyList<ModelConfig> Models { get; init; } = [];

    public IReadOnlyList<TierConfig> Tiers { get; init; } = [];

    public IReadOnlyList<FallbackPolicyConfig> FallbackPolicies { get; init; } = [];

    public IReadOnlyList<RouteConfig> Routes { get; init; } = [];

    public IReadOnlyList<PromptConfig> Prompts { get; init; } = [];

    public IReadOnlyList<BudgetConfig> Budgets { get; init; } = [];

    public IReadOnlyList<ApiKeyConfig> ApiKeys { get; init; } = [];

    public IReadOnlyList<MemberConfig> Members { get; init; } = [];

    public ConfigLocation Location { get; init; }
}
