using Platform.Shared.Domain;

namespace Platform.Shared.Routing;

/// <summary>
/// The static half of candidate eligibility: every reason a model can never serve a request,
/// whatever its health. The data plane adds the live half (observed latency, circuit state); the
/// control plane's dry run shows this half, so both answer from the same rules. Route and call
/// limits combine and the stricter wins: both regions must hold, either side can ask for
/// private-only or customer-facing.
/// </summary>
public static class CandidateRules
{
    private static readonly (ModelCapabilities Capability, ExclusionReason Reason)[] CapabilityReasons =
    [
        (ModelCapabilities.Embeddings, ExclusionReason.Embeddings),
        (ModelCapabilities.Streaming, ExclusionReason.Streaming),
        (ModelCapabilities.Tools, ExclusionReason.Tools),
        (ModelCapabilities.JsonSchema, ExclusionReason.JsonSchema),
        (ModelCapabilities.Vision, ExclusionReason.Vision),
    ];

    public static ExclusionReason Evaluate(in CandidateFacts model, in CandidateDemand demand)
    {
        var reasons = ExclusionReason.None;
        if (!model.Enabled)
        {
            reasons |= ExclusionReason.Disabled;
        }

        if (demand.AllowedModels is { Count: > 0 } allowed && !allowed.Contains(model.Name))
        {
            reasons |= ExclusionReason.NotAllowedForKey;
        }

        var regionRequired = demand.RouteRegion is not null || demand.CallRegion is not null;
        var inRegion = InRegion(model.Region, demand.RouteRegion) && InRegion(model.Region, demand.CallRegion);
        if (!inRegion)
        {
            reasons |= ExclusionReason.Region;
        }

        // Sensitivity.PrivateOnly: "only private or in-region providers may serve it".
        if (demand.PrivateOnly && !model.ProviderIsPrivate && !(regionRequired && inRegion))
        {
            reasons |= ExclusionReason.PrivateOnly;
        }

        if (demand.CustomerFacing && !model.ApprovedForCustomerFacing)
        {
            reasons |= ExclusionReason.NotCustomerApproved;
        }

        var missing = demand.RequiredCapabilities & ~model.Capabilities;
        if (missing != ModelCapabilities.None)
        {
            foreach (var (capability, reason) in CapabilityReasons)
            {
                reasons |= (missing & capability) != 0 ? reason : ExclusionReason.None;
            }
        }

        // Zero means the catalog does not know the limit; the provider will say so if it matters.
        if (model.ContextWindow > 0 && demand.ContextTokens > model.ContextWindow)
        {
            reasons |= ExclusionReason.ContextWindow;
        }

        if (model.MaxOutputTokens > 0 && demand.MaxOutputTokens > model.MaxOutputTokens)
        {
            reasons |= ExclusionReason.MaxOutputTokens;
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
}
