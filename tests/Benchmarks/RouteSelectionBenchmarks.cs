using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Benchmarks.Inputs;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Health;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Routing;

namespace Platform.Benchmarks;

/// <summary>
/// Request path step 6: the <c>model</c> field resolved against a tenant with 10 models
/// (<see cref="ModelReference"/>), the request's needs computed (<see cref="RequestRequirements"/>), and a
/// 3-candidate route filtered and ordered (<see cref="CandidateSelector"/>) with healthy breakers, as in
/// production (singleton health and latency registries, <see cref="Random.Shared"/>).
/// </summary>
[MemoryDiagnoser]
public class RouteSelectionBenchmarks
{
    private readonly Policies _policies = Policies.Instance;
    private CandidateSelector _selector = null!;
    private ChatRequest _request = null!;
    private RequestRequirements _needs;

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        var latency = new LatencyTracker(time);
        var health = new DeploymentHealth(time, latency, NullLogger<DeploymentHealth>.Instance);
        _selector = new CandidateSelector(health, latency, time, Random.Shared);
        _request = OpenAiChatRequestReader.Read(ChatBodies.OpenAi);
        _needs = RequestRequirements.ForChat(_request, TokenEstimator.Estimate(_request), CallConstraints.None);
        foreach (var model in new[] { "route:assistant", "route:assistant-weighted", "route:assistant-cheapest", "openai/model-0" })
        {
            if (Select(model) != (model.Contains('/', StringComparison.Ordinal) ? 1 : 3))
            {
                throw new InvalidOperationException($"{model} did not select its candidates.");
            }
        }
    }

    [Benchmark]
    public string? Resolve_Route() => ModelReference.Resolve("route:assistant", _policies.Tenant).Route?.Name;

    [Benchmark]
    public string? Resolve_BareModelName() => ModelReference.Resolve("model-7", _policies.Tenant).Model?.Name;

    [Benchmark]
    public int EstimateTokensAndRequirements()
    {
        var needs = RequestRequirements.ForChat(_request, TokenEstimator.Estimate(_request), CallConstraints.None);
        return needs.EstimatedInputTokens;
    }

    [Benchmark(Baseline = true)]
    public int Select_PriorityRoute() => Select("route:assistant");

    [Benchmark]
    public int Select_WeightedRoute() => Select("route:assistant-weighted");

    [Benchmark]
    public int Select_LeastCostRoute() => Select("route:assistant-cheapest");

    [Benchmark]
    public int Select_ConcreteModel() => Select("openai/model-0");

    private int Select(string model)
    {
        var reference = ModelReference.Resolve(model, _policies.Tenant);
        return _selector.Select(_policies.Tenant, _policies.Key, reference, _needs).Candidates.Count;
    }
}
