using Platform.Shared.Domain;

namespace Platform.Shared.Config;

internal static class ModelSync
{
    private const string Kind = "model";

    public static void Sync(TenantPlan plan)
    {
        foreach (var desired in plan.Config.Models)
        {
            var entity = plan.State.Models.Find(m => m.Name == desired.Name);
            var created = entity is null;
            if (entity is null)
            {
                entity = new CatalogModel { Name = desired.Name, UpstreamId = desired.UpstreamId };
                plan.Db.Models.Add(entity);
                plan.Log.Created(Kind, plan.PathOf(desired.Name));
            }

            var changes = new FieldChanges();
            var pricesChanged = Update(plan, entity, desired, changes);
            if (!created)
            {
                plan.Log.Updated(Kind, plan.PathOf(desired.Name), changes);
            }

            if (created || pricesChanged)
            {
                // History, so a call is priced at the prices in force when it ran.
                plan.Db.ModelPrices.Add(new ModelPrice
                {
                    ModelId = entity.Id,
                    EffectiveFrom = plan.Now,
                    InputPricePerMillion = entity.InputPricePerMillion,
                    OutputPricePerMillion = entity.OutputPricePerMillion,
                    CachedInputPricePerMillion = entity.CachedInputPricePerMillion,
                });
            }

            plan.Models[desired.Name] = entity;
        }
    }

    public static void DeleteAbsent(TenantPlan plan)
    {
        foreach (var entity in plan.State.Models.Where(m => !plan.Models.ContainsKey(m.Name)))
        {
            plan.Db.Models.Remove(entity);
            plan.Log.Deleted(Kind, plan.PathOf(entity.Name));
        }
    }

    /// <returns>Whether a price changed.</returns>
    private static bool Update(TenantPlan plan, CatalogModel entity, ModelConfig desired, FieldChanges changes)
    {
        var provider = plan.Providers[desired.Provider];
        var currentProvider = plan.State.Providers.Find(p => p.Id == entity.ProviderId)?.Name;
        changes.Set("provider", currentProvider, desired.Provider, _ => entity.ProviderId = provider.Id);
        changes.Set("upstreamId", entity.UpstreamId, desired.UpstreamId, v => entity.UpstreamId = v);
        changes.Set("contextWindow", entity.ContextWindow, desired.ContextWindow, v => entity.ContextWindow = v);
        changes.Set("maxOutputTokens", entity.MaxOutputTokens, desired.MaxOutputTokens, v => entity.MaxOutputTokens = v);
        changes.Set("capabilities", entity.Capabilities, desired.Capabilities, v => entity.Capabilities = v, ShowCapabilities);
        changes.Set("region", entity.Region, desired.Region, v => entity.Region = v);
        changes.Set("approvedForCustomerFacing", entity.ApprovedForCustomerFacing, desired.ApprovedForCustomerFacing, v => entity.ApprovedForCustomerFacing = v);
        changes.Set("enabled", entity.Enabled, desired.Enabled, v => entity.Enabled = v);

        var prices = new FieldChanges();
        prices.Set("prices.input", entity.InputPricePerMillion, desired.Prices.Input, v => entity.InputPricePerMillion = v);
        prices.Set("prices.output", entity.OutputPricePerMillion, desired.Prices.Output, v => entity.OutputPricePerMillion = v);
        prices.Set("prices.cachedInput", entity.CachedInputPricePerMillion, desired.Prices.CachedInput, v => entity.CachedInputPricePerMillion = v);
        if (prices.Any)
        {
            changes.Note(prices.ToString());
        }

        return prices.Any;
    }

    public static string ShowCapabilities(ModelCapabilities capabilities) =>
        FieldChanges.ShowList(CapabilityNames(capabilities));

    public static IEnumerable<string> CapabilityNames(ModelCapabilities capabilities) =>
        ConfigVocabulary.Capabilities.Names.Where(n => ConfigVocabulary.Capabilities.TryParse(n, out var c) && capabilities.HasFlag(c));
}
