using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// An ordered, weighted model list (a tier's models, a route's candidates): names resolved to
/// catalog rows, and rows kept per model and only re-ranked, as config-as-code's
/// <c>ModelListSync</c> does, so the unique (owner, model) index never clashes.
/// </summary>
internal static class ModelLists
{
    /// <summary>The named models with their providers; each unknown name is an error on <c>{field}[i].model</c>.</summary>
    public static async Task<Dictionary<string, CatalogModel>> ResolveAsync(
        PlatformDbContext db, IReadOnlyList<WeightedModelInput> list, string field, FieldErrors errors, CancellationToken ct)
    {
        var names = list.Select(m => m.Model).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Models.Include(m => m.Provider).Where(m => names.Contains(m.Name))
            .ToDictionaryAsync(m => m.Name, StringComparer.Ordinal, ct);
        for (var i = 0; i < list.Count; i++)
        {
            if (!found.ContainsKey(list[i].Model))
            {
                errors.Add($"{field}[{i}].model", $"No model named '{list[i].Model}' in the catalog.");
            }
        }

        return found;
    }

    public static void Sync<T>(
        PlatformDbContext db,
        List<T> rows,
        IReadOnlyList<WeightedModelInput> desired,
        IReadOnlyDictionary<string, CatalogModel> models,
        Func<T, Guid> modelOf,
        Action<T, int, int> rank,
        Func<CatalogModel, T> create)
        where T : TenantEntity
    {
        var keep = new HashSet<Guid>();
        for (var i = 0; i < desired.Count; i++)
        {
            var model = models[desired[i].Model];
            keep.Add(model.Id);
            var row = rows.Find(r => modelOf(r) == model.Id);
            if (row is null)
            {
                // Added explicitly: found through the navigation with its id already set, EF would take it for an
                // existing row. When the owner is tracked, fix-up has put it in the list already.
                row = create(model);
                db.Add(row);
                if (!rows.Contains(row))
                {
                    rows.Add(row);
                }
            }

            rank(row, i, desired[i].Weight);
        }

        foreach (var row in rows.Where(r => !keep.Contains(modelOf(r))).ToList())
        {
            rows.Remove(row);
            db.Remove(row);
        }
    }

    public static IReadOnlyList<WeightedModelView> View(IEnumerable<(CatalogModel? Model, Guid ModelId, int Priority, int Weight)> rows) =>
        [.. rows.OrderBy(r => r.Priority).Select(r => new WeightedModelView(r.Model?.Name ?? "", r.ModelId, r.Weight))];
}
