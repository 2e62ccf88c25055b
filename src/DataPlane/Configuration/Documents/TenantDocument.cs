namespace Platform.DataPlane.Configuration;

/// <summary>One tenant's policy rows as read, references still by id.</summary>
internal sealed record TenantDocument(
    Guid TenantId,
    string Slug,
    long ConfigVersion,
    IReadOnlyList<ProviderDocument> Providers,
    IReadOnlyList<ModelDocument> Models,
    IReadOnlyList<TierDocument> Tiers,
    IReadOnlyList<FallbackDocument> FallbackPolicies,
    IReadOnlyList<RouteDocument> Routes,
    IReadOnlyList<PromptDocument> Prompts,
    IReadOnlyList<BudgetDocument> Budgets,
    int? RequestsPerMinute = null,
    int? TokensPerMinute = null);
