using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

/// <summary>A list of models: bare names (weight 1) or <c>{ model, weight }</c>; no model twice.</summary>
internal static class WeightedModelReader
{
    public static IReadOnlyList<WeightedModel> ReadList(
        ParseContext context, YamlMap owner, string key, string ownerDescription, TenantNames names, bool required)
    {
        var models = new List<WeightedModel>();
        foreach (var item in owner.Items(key, required))
        {
            if (Read(context, item, key) is not { } model)
            {
                continue;
            }

            if (models.Any(m => m.Model == model.Model))
            {
                context.Error(item, $"{ownerDescription} lists model '{model.Model}' twice");
                continue;
            }

            names.Refer(TenantNames.Model, model.Model, item, $"{ownerDescription} refers to unknown model '{model.Model}'");
            models.Add(model);
        }

        return models;
    }

    private static WeightedModel? Read(ParseContext context, YamlNode item, string key)
    {
        if (item is YamlScalarNode)
        {
            return context.Text(item, key) is { Length: > 0 } bare ? new WeightedModel(bare) : null;
        }

        var map = YamlMap.From(context, item, $"an item of '{key}'", "model", "weight");
        var name = map?.String("model", required: true);
        var weight = map?.Int("weight", 1) ?? 1;
        return name is null ? null : new WeightedModel(name, weight);
    }
}
