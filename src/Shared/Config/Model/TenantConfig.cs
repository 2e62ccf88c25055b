namespace Platform.Shared.Config;

public sealed record TenantConfig
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

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
