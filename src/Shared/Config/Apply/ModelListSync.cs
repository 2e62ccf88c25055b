using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>
/// Brings an ordered, weighted model list (a tier's models, a route's candidates) in line with the
/// file. Rows are kept per model and only re-ranked, so the unique (owner, model) index never clashes.
/// </summary>
internal static class ModelListSync
{
    public static void Sync<T>(
        TenantPlan plan,
        FieldChanges changes,
        string field,
        List<T> rows,
        IReadOnlyList<WeightedModel> desired,
        Func<T, (Guid ModelId, int Priority, int Weight)> read,
        Action<T, int, int> rank,
        Func<Guid, T> create)
        where T : TenantEntity
    {
        var current = rows.OrderBy(r => read(r).Priority)
            .Select(r => Describe(new WeightedModel(NameOf(plan, read(r).ModelId), read(r).Weight)))
            .ToList();
        var wanted = desired.Select(Describe).ToList();
        if (current.SequenceEqual(wanted))
        {
            return;
        }

        changes.Note($"{field} {FieldChanges.ShowList(current)} -> {FieldChanges.ShowList(wanted)}");
        var keep = new HashSet<Guid>();
        for (var i = 0; i < desired.Count; i++)
        {
            var modelId = plan.Models[desired[i].Model].Id;
            keep.Add(modelId);
            var row = rows.Find(r => read(r).ModelId == modelId);
            if (row is null)
            {
                row = create(modelId);
                plan.Db.Add(row);
            }

            rank(row, i, desired[i].Weight);
        }

        foreach (var row in rows.Where(r => !keep.Contains(read(r).ModelId)).ToList())
        {
            plan.Db.Remove(row);
        }
    }

    private static string NameOf(TenantPlan plan, Guid modelId) =>
        plan.State.Models.Find(m => m.Id == modelId)?.Name ?? modelId.ToString();

    private static string Describe(WeightedModel model) =>
        model.Weight == 1 ? model.Model : $"{model.Model} (weight {model.Weight})";
}
