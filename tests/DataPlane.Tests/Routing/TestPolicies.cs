using System.Collections.Frozen;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Health;
using Platform.DataPlane.Routing;
using Platform.DataPlane.Tests.Health;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Routing;

/// <summary>Builds policy records directly, each test its own tenant.</summary>
internal static class TestPolicies
{
    public const ModelCapabilities ChatCapabilities = ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.JsonSchema | ModelCapabilities.Vision;

    public static ProviderPolicy Provider(string name = "openai", string? region = null, bool isPrivate = false, bool enabled = true) =>
        new(Guid.NewGuid(), name, ProviderKind.OpenAiCompatible, new Uri("http://127.0.0.1:9/"), null, region, isPrivate, enabled);

    public static ModelPolicy Model(
        string name,
        ModelCapabilities capabilities = ChatCapabilities,
        int contextWindow = 128_000,
        int maxOutputTokens = 16_000,
        decimal inputPrice = 1m,
        decimal outputPrice = 2m,
        string? region = null,
        bool approved = true,
        bool enabled = true,
        ProviderPolicy? provider = null) => new()
        {
            Id = Guid.NewGuid(),
            Name = name,
            Provider = provider ?? Provider(name.Split('/')[0]),
            UpstreamId = name.Split('/', 2)[1],
            ContextWindow = contextWindow,
            MaxOutputTokens = maxOutputTokens,
            Capabilities = capabilities,
            InputPricePerMillion = inputPrice,
            OutputPricePerMillion = outputPrice,
            Region = region,
            ApprovedForCustomerFacing = approved,
            Enabled = enabled,
        };

    public static RoutePolicy Route(string name, RoutingStrategy strategy, params ModelPolicy[] models) => new()
    {
        Name = name,
        Strategy = strategy,
        Candidates = Weighted(models),
    };

    public static WeightedModel[] Weighted(params ModelPolicy[] models)
    {
        var weighted = new WeightedModel[models.Length];
        for (var i = 0; i < models.Length; i++)
        {
            weighted[i] = new WeightedModel(models[i], i + 1, 1);
        }

        return weighted;
    }

    public static TenantPolicy Tenant(ModelPolicy[] models, RoutePolicy[]? routes = null, TierPolicy[]? tiers = null) => new()
    {
        TenantId = Guid.NewGuid(),
        Slug = "acme",
        ConfigVersion = 1,
        Providers = models.Select(m => m.Provider).DistinctBy(p => p.Name).ToFrozenDictionary(p => p.Name),
        Models = models.ToFrozenDictionary(m => m.Name),
        Routes = (routes ?? []).ToFrozenDictionary(r => r.Name),
        Tiers = (tiers ?? []).ToFrozenDictionary(t => t.Name),
        Prompts = FrozenDictionary<string, PromptPolicy>.Empty,
    };

    public static KeyPolicy Key(string[]? routes = null, string[]? models = null) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = Guid.NewGuid(),
        Name = "test",
        Prefix = "pk_test",
        AllowedRoutes = new HashSet<string>(routes ?? []),
        AllowedModels = new HashSet<string>(models ?? []),
    };

    public static RequestRequirements Needs(int inputTokens = 1_000, int? maxOutput = null) =>
        new() { EstimatedInputTokens = inputTokens, MaxOutputTokens = maxOutput };

    /// <summary>A selector with its own clock, breakers and latency data.</summary>
    public static Harness CreateHarness(int seed = 1234) => new(seed);

    internal sealed class Harness
    {
        public Harness(int seed)
        {
            Time = new FakeTimeProvider();
            Latency = new LatencyTracker(Time);
            Health = new DeploymentHealth(Time, Latency, NullLogger<DeploymentHealth>.Instance);
            Selector = new CandidateSelector(Health, Latency, Time, new Random(seed));
        }

        public FakeTimeProvider Time { get; }

        public DeploymentHealth Health { get; }

        public LatencyTracker Latency { get; }

        public CandidateSelector Selector { get; }

        public RouteDecision Select(TenantPolicy tenant, string model, RequestRequirements needs, KeyPolicy? key = null) =>
            Selector.Select(tenant, key ?? Key(), ModelReference.Resolve(model, tenant), needs);
    }
}
