using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class TenantReader
{
    public static TenantConfig? Read(ParseContext context, YamlNode node)
    {
        var map = YamlMap.From(context, node, "tenant",
            "slug", "name", "requestsPerMinute", "tokensPerMinute", "providers", "models", "tiers", "fallbackPolicies", "routes", "prompts", "budgets", "apiKeys", "members");
        if (map is null)
        {
            return null;
        }

        var slug = map.String("slug", required: true);
        if (slug is not null && !Rules.Slug().IsMatch(slug))
        {
            map.Error("slug", $"tenant slug '{slug}' may use only lower-case letters, digits and '-' (at most 64)");
        }

        var names = new TenantNames(context);
        var tenant = new TenantConfig
        {
            Slug = slug ?? "",
            Name = map.String("name") ?? slug ?? "",
            RequestsPerMinute = map.Int("requestsPerMinute", 1),
            TokensPerMinute = map.Int("tokensPerMinute", 1),
            Providers = ReadAll(map, "providers", n => ProviderReader.Read(context, n, names)),
            Models = ReadAll(map, "models", n => ModelReader.Read(context, n, names)),
            Tiers = ReadAll(map, "tiers", n => TierReader.Read(context, n, names)),
            FallbackPolicies = ReadAll(map, "fallbackPolicies", n => FallbackPolicyReader.Read(context, n, names)),
            Routes = ReadAll(map, "routes", n => RouteReader.Read(context, n, names)),
            Prompts = ReadAll(map, "prompts", n => PromptReader.Read(context, n, names)),
            Budgets = ReadAll(map, "budgets", n => BudgetReader.Read(context, n, names)),
            ApiKeys = ReadAll(map, "apiKeys", n => ApiKeyReader.Read(context, n, names)),
            Members = ReadAll(map, "members", n => MemberReader.Read(context, n, names)),
            Location = map.Location,
        };
        names.Check();
        return slug is null ? null : tenant;
    }

    private static List<T> ReadAll<T>(YamlMap map, string key, Func<YamlNode, T?> read)
        where T : class =>
        [.. map.Items(key).Select(read).OfType<T>()];
}
