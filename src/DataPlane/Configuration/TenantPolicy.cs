using System.Collections.Frozen;

namespace Platform.DataPlane.Configuration;

/// <summary>One tenant's routing data, compiled: lookups by name, references resolved.</summary>
internal sealed record TenantPolicy
{
    public required Guid TenantId { get; init; }

    public required string Slug { get; init; }

    public required long ConfigVersion { get; init; }

    public required FrozenDictionary<string, ProviderPolicy> Providers { get; init; }

    /// <summary>Catalog models by concrete name (<c>provider/model</c>).</summary>
    public required FrozenDictionary<string, ModelPolicy> Models { get; init; }

    public required FrozenDictionary<string, TierPolicy> Tiers { get; init; }

    public required FrozenDictionary<string, RoutePolicy> Routes { get; init; }

    public required FrozenDictionary<string, PromptPolicy> Prompts { get; init; }

    public IReadOnlyList<BudgetPolicy> Budgets { get; init; } = [];

    /// <summary>Requests per minute across all the tenant's keys; null for no limit.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tokens per minute across all the tenant's keys; null for no limit.</summary>
    public int? TokensPerMinute { get; init; }
}
