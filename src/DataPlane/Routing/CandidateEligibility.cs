using Platform.DataPlane.Configuration;
using Platform.DataPlane.Health;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Routing;

/// <summary>
/// Every reason one model cannot serve one request. Route and call limits combine, and the
/// stricter wins: both regions must hold, either side can ask for private-only or
/// customer-facing.
/// </summary>
internal static class CandidateEligibility
{
    public static ExclusionReason Evaluate(
        ModelPolicy model,
        KeyPolicy key,
        in RouteTarget target,
        in RequestRequirements needs,
        DeploymentHealth health,
        LatencyTracker latency,
        long utcNowTicks)
    {
        var reasons = ExclusionReason.None;
        if (!model.Enabled || !model.Provider.Enabled)
        {
            reasons |= ExclusionReason.Disabled;
        }

        if (key.AllowedModels.Count > 0 && !key.AllowedModels.Contains(model.Name))
        {
            reasons |= ExclusionReason.NotAllowedForKey;
        }

        var region = model.Region ?? model.Provider.Region;
        var regionRequired = target.RequiredRegion is not null || needs.Region is not null;
        var inRegion = InRegion(region, target.RequiredRegion) && InRegion(region, needs.Region);
        if (!inRegion)
        {
            reasons |= ExclusionReason.Region;
        }

        // Sensitivity.PrivateOnly: "only private or in-region providers may serve it".
        if ((target.PrivateOnly || needs.Sensitivity == Sensitivity.PrivateOnly) && !model.Provider.IsPrivate && !(regionRequired && inRegion))
        {
            reasons |= ExclusionReason.PrivateOnly;
        }

        if ((target.CustomerFacing || needs.CustomerFacing) && !model.ApprovedForCustomerFacing)
        {
            reasons |= ExclusionReason.NotCustomerApproved;
        }

        reasons |= Missing(model, needs.NeedsEmbeddings, ModelCapabilities.Embeddings, ExclusionReason.Embeddings)
            | Missing(model, needs.NeedsStreaming, ModelCapabilities.Streaming, ExclusionReason.Streaming)
            | Missing(model, needs.NeedsTools, ModelCapabilities.Tools, ExclusionReason.Tools)
            | Missing(model, needs.NeedsJsonSchema, ModelCapabilities.JsonSchema, ExclusionReason.JsonSchema)
            | Missing(model, needs.NeedsVision, ModelCapabilities.Vision, ExclusionReason.Vision);

        // Zero means the catalog does not know the limit; the provider will say so if it matters.
        if (model.ContextWindow > 0 && needs.ContextTokens > model.ContextWindow)
        {
            reasons |= ExclusionReason.ContextWindow;
        }

        if (model.MaxOutputTokens > 0 && needs.MaxOutputTokens > model.MaxOutputTokens)
        {
            reasons |= ExclusionReason.MaxOutputTokens;
        }

        if (needs.MaxLatencyMs is { } maxLatency && latency.TryGetLatency(model.Id, utcNowTicks, out var observed) && observed > maxLatency)
        {
            reasons |= ExclusionReason.TooSlow;
        }

        if (health.IsOpen(model.Id, utcNowTicks))
        {
            reasons |= ExclusionReason.CircuitOpen;
        }

        return reasons;
    }

    /// <summary>
    /// A required region matches the same region or a sub-region: <c>eu</c> admits <c>eu</c> and
    /// <c>eu-west-1</c>. A model with no known region never satisfies a requirement.
    /// </summary>
    public static bool InRegion(string? modelRegion, string? required)
    {
        if (required is null)
        {
            return true;
        }

        if (modelRegion is null || !modelRegion.StartsWith(required, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return modelRegion.Length == required.Length || modelRegion[required.Length] == '-';
    }

    private static ExclusionReason Missing(ModelPolicy model, bool needed, ModelCapabilities capability, ExclusionReason reason) =>
        needed && !model.Has(capability) ? reason : ExclusionReason.None;
}
