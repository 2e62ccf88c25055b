using Platform.Shared.Config;
using Platform.Shared.Domain;
using Platform.Shared.Routing;

namespace Platform.Shared.Management;

/// <summary>Why a route's own constraints rule out every model it could fall back to, and which field to fix.</summary>
public sealed record RouteInfeasibility(string Field, string Reason);

/// <summary>
/// Whether at least one of a route's candidates can serve it under the route's own constraints,
/// by the data plane's rules (<see cref="CandidateRules"/>): the model's region, else its provider's,
/// must be the required region or a sub-region of it; <c>privateOnly</c> needs a private provider
/// or an in-region model; a customer-facing route needs an approved model. Enabled flags are left
/// out on purpose: switching a model off in an incident must not be refused.
/// </summary>
public static class RouteFeasibility
{
    /// <param name="candidates">Catalog models with their <see cref="CatalogModel.Provider"/> loaded.</param>
    public static RouteInfeasibility? Check(string? requiredRegion, bool customerFacing, Sensitivity sensitivity, IReadOnlyList<CatalogModel> candidates)
    {
        if (candidates.Count == 0)
        {
            return new RouteInfeasibility("candidates", "The route has no candidate models.");
        }

        var privateOnly = sensitivity == Sensitivity.PrivateOnly;
        bool Located(CatalogModel m) => CandidateRules.InRegion(RegionOf(m), requiredRegion);
        bool Private(CatalogModel m) => !privateOnly || m.Provider?.IsPrivate == true || (requiredRegion is not null && Located(m));
        bool Approved(CatalogModel m) => !customerFacing || m.ApprovedForCustomerFacing;
        if (candidates.Any(m => Located(m) && Private(m) && Approved(m)))
        {
            return null;
        }

        if (!candidates.Any(Located))
        {
            return new RouteInfeasibility("constraints.region",
                $"The route requires region '{requiredRegion}' but no candidate is in it: {Describe(candidates, m => $"in {RegionOf(m) ?? "no known region"}")}.");
        }

        if (!candidates.Any(Approved))
        {
            return new RouteInfeasibility("constraints.customerFacing",
                $"The route is customer-facing but no candidate is approved for customer-facing traffic: {string.Join(", ", candidates.Select(m => m.Name))}.");
        }

        if (!candidates.Any(Private))
        {
            return new RouteInfeasibility("constraints.sensitivity",
                $"The route is {ConfigVocabulary.Sensitivities.NameOf(sensitivity)} but no candidate runs on a private provider"
                + (requiredRegion is null ? "" : $" or in region '{requiredRegion}'")
                + $": {Describe(candidates, m => $"provider '{m.Provider?.Name}' is not private")}.");
        }

        return new RouteInfeasibility("constraints",
            $"No single candidate meets all the route's constraints together: {Describe(candidates, m => Misses(m, Located, Private, Approved))}.");
    }

    private static string? RegionOf(CatalogModel model) => model.Region ?? model.Provider?.Region;

    private static string Describe(IReadOnlyList<CatalogModel> candidates, Func<CatalogModel, string> why) =>
        string.Join("; ", candidates.Select(m => $"{m.Name} ({why(m)})"));

    private static string Misses(CatalogModel model, Func<CatalogModel, bool> located, Func<CatalogModel, bool> isPrivate, Func<CatalogModel, bool> approved)
    {
        var misses = new List<string>();
        if (!located(model))
        {
            misses.Add($"in {RegionOf(model) ?? "no known region"}");
        }

        if (!isPrivate(model))
        {
            misses.Add("not private");
        }

        if (!approved(model))
        {
            misses.Add("not approved for customer-facing traffic");
        }

        return string.Join(", ", misses);
    }
}
