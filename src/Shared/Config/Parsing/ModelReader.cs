using Platform.Shared.Domain;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class ModelReader
{
    public static ModelConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "model",
            "name", "provider", "upstreamId", "contextWindow", "maxOutputTokens", "capabilities", "prices", "region",
            "approvedForCustomerFacing", "enabled");
        if (map is null)
        {
            return null;
        }

        var name = map.String("name", required: true);
        var slash = name?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (name is not null && (slash <= 0 || slash == name.Length - 1 || name.Any(char.IsWhiteSpace)))
        {
            map.Error("name", $"model name '{name}' must read '<provider>/<model>' without spaces");
            name = null;
        }

        var provider = map.String("provider") ?? name?[..slash];
        if (name is not null && provider is not null && name[..slash] != provider)
        {
            map.Error("provider", $"model '{name}' must be named after its provider: '{provider}/{name[(slash + 1)..]}'");
        }

        if (provider is not null)
        {
            names.Refer(TenantNames.Provider, provider, map["provider"] ?? map["name"]!, $"model '{name}' refers to unknown provider '{provider}'");
        }

        var contextWindow = map.Int("contextWindow", 1, required: true);
        var maxOutput = map.Int("maxOutputTokens", 1);
        if (maxOutput > contextWindow)
        {
            map.Error("maxOutputTokens", $"'maxOutputTokens' ({maxOutput}) cannot exceed 'contextWindow' ({contextWindow})");
        }

        var model = new ModelConfig
        {
            Name = name ?? "",
            Provider = provider ?? "",
            UpstreamId = map.String("upstreamId") ?? name?[(slash + 1)..] ?? "",
            ContextWindow = contextWindow ?? 0,
            MaxOutputTokens = maxOutput ?? 0,
            Capabilities = Capabilities(context, map),
            Prices = Prices(map) ?? new ModelPricesConfig(0, 0, 0),
            Region = map.String("region"),
            ApprovedForCustomerFacing = map.Bool("approvedForCustomerFacing") ?? false,
            Enabled = map.Bool("enabled") ?? true,
            Location = map.Location,
        };
        return name is not null && names.Declare(TenantNames.Model, name, map["name"]!) ? model : null;
    }

    private static ModelCapabilities Capabilities(ParseContext context, YamlMap map)
    {
        var capabilities = ModelCapabilities.None;
        foreach (var item in map.Items("capabilities"))
        {
            var text = context.Text(item, "capabilities");
            if (text is null)
            {
                continue;
            }

            if (ConfigVocabulary.Capabilities.TryParse(text, out var capability))
            {
                capabilities |= capability;
            }
            else
            {
                var known = ConfigVocabulary.Capabilities.Names;
                context.Error(item, $"'{text}' is not a valid capability{Suggestions.DidYouMean(text, known)} ({Suggestions.OneOf(known)})");
            }
        }

        return capabilities;
    }

    private static ModelPricesConfig? Prices(YamlMap map)
    {
        if (!map.Has("prices"))
        {
            map.Error("prices", "model is missing required key 'prices' ({ input, output, cachedInput } in USD per 1M tokens)");
            return null;
        }

        var prices = map.Map("prices", "prices", "input", "output", "cachedInput");
        if (prices is null)
        {
            return null;
        }

        var input = prices.Decimal("input", 0, required: true) ?? 0;
        var output = prices.Decimal("output", 0, required: true) ?? 0;
        return new ModelPricesConfig(input, output, prices.Decimal("cachedInput", 0) ?? input);
    }
}
