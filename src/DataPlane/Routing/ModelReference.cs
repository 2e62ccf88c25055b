using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Routing;

/// <summary>
/// What the caller's <c>model</c> field names, resolved against one tenant's policy.
/// <para>The syntax, checked in this order:</para>
/// <list type="table">
/// <item><term><c>route:&lt;name&gt;</c></term><description>the tenant's task route of that name (its candidates, strategy and fallback policy).</description></item>
/// <item><term><c>tier:&lt;name&gt;</c></term><description>a tier: its models in priority order, the default fallback policy.</description></item>
/// <item><term><c>&lt;provider&gt;/&lt;model&gt;</c></term><description>any value containing <c>/</c>: exactly that catalog model, no other candidates, the default fallback policy.</description></item>
/// <item><term><c>&lt;name&gt;</c></term><description>a bare name: the task route of that name if there is one; otherwise the catalog model whose name or upstream id is that name, when exactly one is; otherwise unknown (an ambiguous name lists the matches so the caller can write <c>provider/model</c>).</description></item>
/// </list>
/// <para>The <c>route:</c> and <c>tier:</c> prefixes are case-insensitive; names are compared exactly.
/// An unknown reference is answered with 404 <c>model_not_found</c>.</para>
/// </summary>
internal readonly record struct ModelReference
{
    public const string RoutePrefix = "route:";
    public const string TierPrefix = "tier:";

    public required ModelReferenceKind Kind { get; init; }

    /// <summary>The caller's value, unchanged.</summary>
    public required string Raw { get; init; }

    /// <summary>The route, tier or model name it resolved to (the name looked for when unknown).</summary>
    public required string Name { get; init; }

    public RoutePolicy? Route { get; init; }

    public TierPolicy? Tier { get; init; }

    public ModelPolicy? Model { get; init; }

    /// <summary>Why an unknown reference did not resolve, worded for the caller.</summary>
    public string? Problem { get; init; }

    public static ModelReference Resolve(string model, TenantPolicy tenant)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tenant);

        if (model.StartsWith(RoutePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = model[RoutePrefix.Length..];
            return tenant.Routes.TryGetValue(name, out var route)
                ? new ModelReference { Kind = ModelReferenceKind.Route, Raw = model, Name = route.Name, Route = route }
                : Unknown(model, name, $"route '{name}' does not exist");
        }

        if (model.StartsWith(TierPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = model[TierPrefix.Length..];
            return tenant.Tiers.TryGetValue(name, out var tier)
                ? new ModelReference { Kind = ModelReferenceKind.Tier, Raw = model, Name = tier.Name, Tier = tier }
                : Unknown(model, name, $"tier '{name}' does not exist");
        }

        if (model.Contains('/', StringComparison.Ordinal))
        {
            return tenant.Models.TryGetValue(model, out var concrete)
                ? ForModel(model, concrete)
                : Unknown(model, model, $"model '{model}' does not exist");
        }

        if (tenant.Routes.TryGetValue(model, out var bareRoute))
        {
            return new ModelReference { Kind = ModelReferenceKind.Route, Raw = model, Name = bareRoute.Name, Route = bareRoute };
        }

        return ResolveBareModel(model, tenant);
    }

    private static ModelReference ResolveBareModel(string model, TenantPolicy tenant)
    {
        ModelPolicy? match = null;
        var matches = 0;
        foreach (var candidate in tenant.Models.Values)
        {
            if (string.Equals(candidate.Name, model, StringComparison.Ordinal) || string.Equals(candidate.UpstreamId, model, StringComparison.Ordinal))
            {
                match = candidate;
                matches++;
            }
        }

        return matches switch
        {
            1 => ForModel(model, match!),
            0 => Unknown(model, model, $"model '{model}' does not exist"),
            _ => Unknown(model, model, Ambiguous(model, tenant)),
        };
    }

    private static string Ambiguous(string model, TenantPolicy tenant)
    {
        var names = new List<string>();
        foreach (var candidate in tenant.Models.Values)
        {
            if (string.Equals(candidate.Name, model, StringComparison.Ordinal) || string.Equals(candidate.UpstreamId, model, StringComparison.Ordinal))
            {
                names.Add(candidate.Name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return $"model '{model}' is ambiguous ({string.Join(", ", names)}); name one as provider/model";
    }

    private static ModelReference ForModel(string raw, ModelPolicy model) =>
        new() { Kind = ModelReferenceKind.Model, Raw = raw, Name = model.Name, Model = model };

    private static ModelReference Unknown(string raw, string name, string problem) =>
        new() { Kind = ModelReferenceKind.Unknown, Raw = raw, Name = name, Problem = problem };
}
