using Platform.Shared.Domain;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class RouteReader
{
    public static RouteConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "route",
            "name", "description", "tier", "candidates", "strategy", "hedgeAfterMs", "fallbackPolicy", "constraints", "prompt", "cache");
        if (map is null)
        {
            return null;
        }

        var name = Rules.Name(map, "route");
        var what = $"route '{name}'";
        var tier = map.String("tier");
        var candidates = WeightedModelReader.ReadList(context, map, "candidates", what, names, required: false);
        if ((tier is null) == (candidates.Count == 0))
        {
            map.Error(tier is null ? "name" : "candidates", $"{what} needs exactly one of 'tier' or 'candidates'");
        }

        Refer(names, map, "tier", TenantNames.Tier, what);
        Refer(names, map, "fallbackPolicy", TenantNames.Policy, what);
        var strategy = map.Enum("strategy", ConfigVocabulary.Strategies) ?? RoutingStrategy.Priority;
        var hedgeAfter = map.Int("hedgeAfterMs", 1);
        if (hedgeAfter is not null && strategy != RoutingStrategy.Hedged)
        {
            map.Error("hedgeAfterMs", "'hedgeAfterMs' applies only to strategy 'hedged'");
        }

        var route = new RouteConfig
        {
            Name = name ?? "",
            Description = map.String("description"),
            Tier = tier,
            Candidates = candidates,
            Strategy = strategy,
            HedgeAfterMs = hedgeAfter,
            FallbackPolicy = map.String("fallbackPolicy"),
            Location = map.Location,
        };
        route = Constraints(map, route);
        route = Prompt(map, route, names, what);
        route = Cache(map, route);
        return name is not null && names.Declare(TenantNames.Route, name, map["name"]!) ? route : null;
    }

    private static void Refer(TenantNames names, YamlMap map, string key, string kind, string what)
    {
        if (map.String(key) is { } target)
        {
            names.Refer(kind, target, map[key]!, $"{what} refers to unknown {kind} '{target}'");
        }
    }

    private static RouteConfig Constraints(YamlMap map, RouteConfig route)
    {
        var constraints = map.Map("constraints", "constraints", "region", "customerFacing", "sensitivity");
        return constraints is null
            ? route
            : route with
            {
                Region = constraints.String("region"),
                CustomerFacing = constraints.Bool("customerFacing") ?? false,
                Sensitivity = constraints.Enum("sensitivity", ConfigVocabulary.Sensitivities) ?? Sensitivity.None,
            };
    }

    private static RouteConfig Prompt(YamlMap map, RouteConfig route, TenantNames names, string what)
    {
        var prompt = map.Map("prompt", "prompt", "name", "label");
        var name = prompt?.String("name", required: true);
        if (prompt is null || name is null)
        {
            return route;
        }

        names.Refer(TenantNames.Prompt, name, prompt["name"]!, $"{what} refers to unknown prompt '{name}'");
        var label = prompt.String("label");
        if (label is not null)
        {
            names.Refer(TenantNames.LabelKind(name), label, prompt["label"]!, $"{what} refers to unknown label '{label}' of prompt '{name}'");
        }

        return route with { PromptName = name, PromptLabel = label };
    }

    private static RouteConfig Cache(YamlMap map, RouteConfig route)
    {
        var cache = map.Map("cache", "cache", "enabled", "ttlSeconds");
        return cache is null
            ? route
            : route with { CacheEnabled = cache.Bool("enabled") ?? true, CacheTtlSeconds = cache.Int("ttlSeconds", 1) };
    }
}
