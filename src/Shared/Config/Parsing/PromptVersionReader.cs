using Platform.Shared.Management;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class PromptVersionReader
{
    public static PromptVersionConfig? Read(ParseContext context, YamlNode node)
    {
        var map = YamlMap.From(context, node, "prompt version", "version", "messages", "variables", "parameters", "responseSchema");
        if (map is null)
        {
            return null;
        }

        var version = map.Int("version", 1, required: true);
        var messages = map.Items("messages", required: true);
        var used = Messages(context, messages);
        var variables = map.Has("variables") ? map.Strings("variables") : used;
        foreach (var missing in used.Except(variables))
        {
            map.Error("variables", $"the messages use {{{{{missing}}}}} but 'variables' does not list it");
        }

        var result = new PromptVersionConfig
        {
            Version = version ?? 0,
            MessagesJson = YamlJson.ToJson(context, map["messages"] ?? new YamlSequenceNode(), "messages"),
            Variables = variables,
            ParametersJson = Object(context, map, "parameters"),
            ResponseSchemaJson = Object(context, map, "responseSchema"),
            Location = map.Location,
        };
        return version is null ? null : result;
    }

    /// <summary>Checks each message; returns the template variables in order of first use.</summary>
    private static List<string> Messages(ParseContext context, IReadOnlyList<YamlNode> messages)
    {
        var used = new List<string>();
        foreach (var item in messages)
        {
            var message = YamlMap.From(context, item, "message", "role", "content", "name");
            if (message is null)
            {
                continue;
            }

            var role = message.String("role", required: true);
            if (role is not null && !ConfigVocabulary.MessageRoles.Contains(role))
            {
                var roles = ConfigVocabulary.MessageRoles;
                message.Error("role", $"'{role}' is not a valid role{Suggestions.DidYouMean(role, roles)} ({Suggestions.OneOf(roles)})");
            }

            var content = message.String("content", required: true) ?? "";
            used.AddRange(PromptTemplates.UsedVariables([content]).Where(v => !used.Contains(v)));
        }

        return used;
    }

    private static string? Object(ParseContext context, YamlMap map, string key)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        if (node is not YamlMappingNode)
        {
            context.Error(node, $"'{key}' must be a mapping, not a {ParseContext.Describe(node)}");
            return null;
        }

        return YamlJson.ToJson(context, node, key);
    }
}
