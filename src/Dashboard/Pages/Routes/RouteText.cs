using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>How the routes list words a route's strategy and constraints.</summary>
public static class RouteText
{
    public static string Strategy(RouteView route) =>
        route.Strategy == "hedged" && route.HedgeAfterMs is { } hedge ? $"hedged after {hedge} ms" : route.Strategy;

    /// <summary>A candidate in one line: region, capabilities, prices per million tokens, and whether it may serve customers.</summary>
    public static string Facts(ModelView model)
    {
        var parts = new List<string> { model.Region ?? "any region" };
        if (model.Capabilities.Count > 0)
        {
            parts.Add(string.Join(", ", model.Capabilities));
        }

        parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"${model.Prices.Input:0.###}/${model.Prices.Output:0.###} per M"));
        if (model.ApprovedForCustomerFacing)
        {
            parts.Add("customer-facing");
        }

        if (!model.Enabled)
        {
            parts.Add("disabled");
        }

        return string.Join(" · ", parts);
    }

    public static string Constraints(RouteConstraints constraints)
    {
        var parts = new List<string>();
        if (constraints.Region is { } region)
        {
            parts.Add("region " + region);
        }

        if (constraints.CustomerFacing)
        {
            parts.Add("customer-facing");
        }

        if (constraints.Sensitivity != "none")
        {
            parts.Add(constraints.Sensitivity);
        }

        return parts.Count == 0 ? "none" : string.Join(" · ", parts);
    }
}
