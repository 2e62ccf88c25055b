using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class DocumentReader
{
    public static ConfigDocument? Read(ParseContext context, YamlNode root)
    {
        var map = YamlMap.From(context, root, "the file", "version", "tenants");
        if (map is null)
        {
            return null;
        }

        var version = map.Int("version", 1, required: true);
        if (version is > ConfigDocument.CurrentVersion)
        {
            map.Error("version", $"version {version} is not supported; this build reads version {ConfigDocument.CurrentVersion}");
        }

        var tenants = new List<TenantConfig>();
        var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in map.Items("tenants", required: true))
        {
            if (TenantReader.Read(context, item) is not { } tenant)
            {
                continue;
            }

            if (!slugs.TryAdd(tenant.Slug, tenant.Location.Line))
            {
                context.Error(item, $"duplicate tenant '{tenant.Slug}' (first defined at line {slugs[tenant.Slug]})");
            }

            tenants.Add(tenant);
        }

        return new ConfigDocument { Version = version ?? ConfigDocument.CurrentVersion, Tenants = tenants };
    }
}
