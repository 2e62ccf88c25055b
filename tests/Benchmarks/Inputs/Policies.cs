using System.Collections.Frozen;
using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;
using Platform.Shared.Security;

namespace Platform.Benchmarks.Inputs;

/// <summary>
/// A policy snapshot the size of a small deployment: 10 tenants with 10 API keys each (100 keys), every
/// tenant with 10 models on 3 providers and a 3-candidate route, built from the configuration records
/// directly (as tests/DataPlane.Tests/Routing/TestPolicies.cs does), no database.
/// </summary>
internal sealed class Policies
{
    public const int TenantCount = 10;
    public const int KeysPerTenant = 10;
    public const ModelCapabilities ChatCapabilities = ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.JsonSchema | ModelCapabilities.Vision;

    private static readonly string[] ProviderNames = ["openai", "anthropic", "gemini"];

    private Policies()
    {
        var tenants = new List<TenantPolicy>(TenantCount);
        var keys = new Dictionary<string, KeyPolicy>(TenantCount * KeysPerTenant, StringComparer.Ordinal);
        string? secret = null;
        for (var t = 0; t < TenantCount; t++)
        {
            var tenant = BuildTenant(t);
            tenants.Add(tenant);
            for (var k = 0; k < KeysPerTenant; k++)
            {
                // Deterministic secrets in the real format (plt_ + 40 base62), so runs compare.
                var plain = ApiKeySecret.Marker + $"bench{t:D2}{k:D2}".PadRight(40, 'x');
                keys.Add(ApiKeySecret.Hash(plain), new KeyPolicy
                {
                    Id = Guid.NewGuid(),
                    TenantId = tenant.TenantId,
                    Name = $"key-{t}-{k}",
                    Prefix = ApiKeySecret.PrefixOf(plain),
                    RequestsPerMinute = 600,
                });
                if (t == TenantCount / 2 && k == KeysPerTenant / 2)
                {
                    secret = plain;
                }
            }
        }

        Snapshot = new PolicySnapshot
        {
            Keys = keys.ToFrozenDictionary(StringComparer.Ordinal),
            Tenants = tenants.ToFrozenDictionary(tenant => tenant.TenantId),
            LoadedAt = DateTime.UtcNow,
        };
        Secret = secret!;
        Key = Snapshot.Keys[ApiKeySecret.Hash(Secret)];
        Tenant = Snapshot.Tenants[Key.TenantId];
    }

    public static Policies Instance { get; } = new();

    public PolicySnapshot Snapshot { get; }

    /// <summary>A valid key's plain secret, from a tenant in the middle of the snapshot.</summary>
    public string Secret { get; }

    public KeyPolicy Key { get; }

    public TenantPolicy Tenant { get; }

    private static TenantPolicy BuildTenant(int index)
    {
        var providers = new ProviderPolicy[ProviderNames.Length];
        for (var p = 0; p < providers.Length; p++)
        {
            providers[p] = new ProviderPolicy(
                Guid.NewGuid(), ProviderNames[p], ProviderKind.OpenAiCompatible, new Uri("http://127.0.0.1:9/"), "sk-bench", "eu", IsPrivate: false, Enabled: true);
        }

        var models = new ModelPolicy[10];
        for (var m = 0; m < models.Length; m++)
        {
            var provider = providers[m % providers.Length];
            models[m] = new ModelPolicy
            {
                Id = Guid.NewGuid(),
                Name = $"{provider.Name}/model-{m}",
                Provider = provider,
                UpstreamId = $"model-{m}",
                ContextWindow = 128_000,
                MaxOutputTokens = 16_000,
                Capabilities = ChatCapabilities,
                InputPricePerMillion = 1m + m,
                OutputPricePerMillion = 2m + m,
                Region = "eu",
                ApprovedForCustomerFacing = true,
            };
        }

        var routes = new[]
        {
            Route(ChatBodies.RouteName, RoutingStrategy.Priority, models[0], models[1], models[2]),
            Route("assistant-weighted", RoutingStrategy.Weighted, models[3], models[4], models[5]),
            Route("assistant-cheapest", RoutingStrategy.LeastCost, models[6], models[7], models[8]),
        };

        return new TenantPolicy
        {
            TenantId = Guid.NewGuid(),
            Slug = $"tenant-{index}",
            ConfigVersion = 1,
            Providers = providers.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal),
            Models = models.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal),
            Routes = routes.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal),
            Tiers = FrozenDictionary<string, TierPolicy>.Empty,
            Prompts = FrozenDictionary<string, PromptPolicy>.Empty,
        };
    }

    private static RoutePolicy Route(string name, RoutingStrategy strategy, params ModelPolicy[] models) => new()
    {
        Name = name,
        Strategy = strategy,
        Candidates = models.Select((model, i) => new WeightedModel(model, i + 1, 3 - i)).ToArray(),
    };
}
