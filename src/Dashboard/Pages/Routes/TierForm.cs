using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>
/// The tier form's model: mutable for binding, with the input's property names so the shared
/// validator's and the operation's errors land on the right field; the models in priority order,
/// the first first, each with its weight (used by routes with the weighted strategy).
/// </summary>
public sealed class TierForm
{
    /// <summary>The fields bound with <c>For=</c>; model-list errors show in the model editor.</summary>
    public static readonly IReadOnlyList<string> Fields = [nameof(Name), nameof(Description), nameof(Models)];

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<CandidateRow> Models { get; set; } = [new()];

    public static TierForm From(TierView tier) => new()
    {
        Name = tier.Name,
        Description = tier.Description,
        Models = tier.Models.Count > 0 ? [.. tier.Models.Select(m => new CandidateRow { Model = m.Model, Weight = m.Weight })] : [new()],
    };

    public TierInput ToInput() => new()
    {
        Name = Name.Trim(),
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Models = [.. Models.Select(m => new WeightedModelInput(m.Model.Trim(), m.Weight))],
    };

    public void Move(int index, int offset)
    {
        var target = index + offset;
        if (target < 0 || target >= Models.Count)
        {
            return;
        }

        (Models[index], Models[target]) = (Models[target], Models[index]);
    }
}
