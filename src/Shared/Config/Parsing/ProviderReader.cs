using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class ProviderReader
{
    public static ProviderConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "provider", "name", "kind", "baseUrl", "credential", "region", "private", "enabled");
        if (map is null)
        {
            return null;
        }

        var name = Rules.Name(map, "provider");
        var kind = map.Enum("kind", ConfigVocabulary.ProviderKinds, required: true);
        var baseUrl = Rules.Url(map, "baseUrl", required: true);
        var provider = new ProviderConfig
        {
            Name = name ?? "",
            Kind = kind ?? default,
            BaseUrl = baseUrl ?? "",
            Credential = map.String("credential"),
            Region = map.String("region"),
            Private = map.Bool("private") ?? false,
            Enabled = map.Bool("enabled") ?? true,
            Location = map.Location,
        };
        return name is not null && names.Declare(TenantNames.Provider, name, map["name"]!) ? provider : null;
    }
}
