using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class TierReader
{
    public static TierConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "tier", "name", "description", "models");
        if (map is null)
        {
            return null;
        }

        var name = Rules.Name(map, "tier");
        var tier = new TierConfig
        {
            Name = name ?? "",
            Description = map.String("description"),
            Models = WeightedModelReader.ReadList(context, map, "models", $"tier '{name}'", names, required: true),
            Location = map.Location,
        };
        return name is not null && names.Declare(TenantNames.Tier, name, map["name"]!) ? tier : null;
    }
}
