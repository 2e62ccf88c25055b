using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class PromptReader
{
    public static PromptConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "prompt", "name", "description", "versions", "labels");
        if (map is null)
        {
            return null;
        }

        var name = Rules.Name(map, "prompt");
        var versions = new List<PromptVersionConfig>();
        foreach (var item in map.Items("versions", required: true))
        {
            if (PromptVersionReader.Read(context, item) is not { } version)
            {
                continue;
            }

            if (versions.Any(v => v.Version == version.Version))
            {
                context.Error(item, $"prompt '{name}' lists version {version.Version} twice");
                continue;
            }

            versions.Add(version);
        }

        var prompt = new PromptConfig
        {
            Name = name ?? "",
            Description = map.String("description"),
            Versions = versions,
            Labels = name is null ? [] : Labels(context, map, name, names),
            Location = map.Location,
        };
        return name is not null && names.Declare(TenantNames.Prompt, name, map["name"]!) ? prompt : null;
    }

    /// <summary>
    /// <c>labels: { production: 1 }</c>. Whether the version exists is checked at apply time,
    /// because a label may point at a stored version the file no longer lists.
    /// </summary>
    private static List<PromptLabelConfig> Labels(ParseContext context, YamlMap map, string prompt, TenantNames names)
    {
        var labels = new List<PromptLabelConfig>();
        if (map["labels"] is not { } node)
        {
            return labels;
        }

        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, "'labels' must be a mapping of label to version, e.g. { production: 1 }");
            return labels;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var label = context.Text(key, "labels");
            var text = context.Text(value, "labels");
            if (label is null || text is null)
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                context.Error(value, $"label '{label}' must point at a version number, not '{text}'");
            }
            else if (names.Declare(TenantNames.LabelKind(prompt), label, key))
            {
                labels.Add(new PromptLabelConfig(label, version) { Location = context.At(key) });
            }
        }

        return labels;
    }
}
