using Platform.DataPlane.Configuration;
using Platform.DataPlane.Health;
using Platform.Shared.Domain;
using Platform.Shared.Routing;

namespace Platform.DataPlane.Routing;

/// <summary>
/// Every reason one model cannot serve one request: the static rules shared with the control
/// plane's dry run (<see cref="CandidateRules"/>), plus what only a live data plane knows,
/// observed latency and circuit state.
/// </summary>
internal static class CandidateEligibility
{
    /// <summary>What the request asks of every candidate; built once per selection.</summary>
    public static CandidateDemand Demand(KeyPolicy key, in RouteTarget target, in RequestRequirements needs) => new()
    {
        AllowedModels = key.AllowedModels,
        RouteRegion = target.RequiredRegion,
        CallRegion = needs.Region,
        PrivateOnly = target.PrivateOnly || needs.Sensitivity == Sensitivity.PrivateOnly,
        CustomerFacing = target.CustomerFacing || needs.CustomerFacing,
        RequiredCapabilities = Capabilities(needs),
        ContextTokens = needs.ContextTokens,
        MaxOutputTokens = needs.MaxOutputTokens,
    };

    public static CandidateFacts Facts(ModelPolicy model) => new()
    {
        Name = model.Name,
        Enabled = model.Enabled && model.Provider.Enabled,
        Region = model.Region ?? model.Provider.Region,
        ProviderIsPrivate = model.Provider.IsPrivate,
        ApprovedForCustomerFacing = model.ApprovedForCustomerFacing,
        Capabilities = model.Capabilities,
        ContextWindow = model.ContextWindow,
        MaxOutputTokens = model.MaxOutputTokens,
    };

    public static ExclusionReason Evaluate(
        ModelPolicy model,
        in CandidateDemand demand,
        int? maxLatencyMs,
        DeploymentHealth health,
        LatencyTracker latency,
        long utcNowTicks)
    {
        var reasons = CandidateRules.Evaluate(Facts(model), demand);
        if (maxLatencyMs is { } maxLatency && latency.TryGetLatency(model.Id, utcNowTicks, out var observed) && observed > maxLatency)
        {
            reasons |= ExclusionReason.TooSlow;
        }

        if (health.IsOpen(model.Id, utcNowTicks))
        {
            reasons |= ExclusionReason.CircuitOpen;
        }

        return reasons;
    }

    private static ModelCapabilities Capabilities(in RequestRequirements needs) =>
        (needs.NeedsEmbeddings ? ModelCapabilities.Embeddings : 0)
        | (needs.NeedsStreaming ? ModelCapabilities.Streaming : 0)
        | (needs.NeedsTools ? ModelCapabilities.Tools : 0)
        | (needs.NeedsJsonSchema ? ModelCapabilities.JsonSchema : 0)
        | (needs.NeedsVision ? ModelCapabilities.Vision : 0);
}
