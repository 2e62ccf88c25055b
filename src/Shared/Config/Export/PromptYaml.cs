namespace Platform.Shared.Config;

internal static class PromptYaml
{
    public static YMap Prompt(PromptConfig p)
    {
        var labels = new YMap();
        foreach (var label in p.Labels)
        {
            labels.Int(label.Label, label.Version);
        }

        return new YMap()
            .Add("name", p.Name)
            .Add("description", p.Description)
            .Add("versions", ConfigYamlBuilder.Block(p.Versions, Version))
            .Add("labels", labels.Entries.Count == 0 ? null : labels);
    }

    /// <summary><c>variables</c> is always written: left out, the parser would infer it from the messages.</summary>
    private static YMap Version(PromptVersionConfig v) => new YMap()
        .Int("version", v.Version)
        .Add("messages", JsonYaml.From(v.MessagesJson))
        .Add("variables", v.Variables, keepEmpty: true)
        .Add("parameters", JsonYaml.From(v.ParametersJson))
        .Add("responseSchema", JsonYaml.From(v.ResponseSchemaJson));
}
