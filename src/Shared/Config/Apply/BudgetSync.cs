using Platform.Shared.Domain;

namespace Platform.Shared.Config;

internal static class BudgetSync
{
    private const string Kind = "budget";

    public static void Sync(TenantPlan plan)
    {
        foreach (var desired in plan.Config.Budgets)
        {
            if (desired is { Scope: BudgetScope.ApiKey, ScopeValue: { } key } && !KeyExists(plan, key))
            {
                plan.Log.Error(desired.Location, $"budget '{desired.Name}' is scoped to unknown api key '{key}'");
                continue;
            }

            var entity = plan.State.Budgets.Find(b => b.Name == desired.Name);
            var changes = new FieldChanges();
            if (entity is null)
            {
                entity = new Budget { Name = desired.Name };
                plan.Db.Budgets.Add(entity);
                plan.Log.Created(Kind, plan.PathOf(desired.Name));
                Update(entity, desired, new FieldChanges());
            }
            else
            {
                Update(entity, desired, changes);
                plan.Log.Updated(Kind, plan.PathOf(desired.Name), changes);
            }
        }
    }

    public static void DeleteAbsent(TenantPlan plan)
    {
        var kept = plan.Config.Budgets.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in plan.State.Budgets.Where(b => !kept.Contains(b.Name)))
        {
            plan.Db.Budgets.Remove(entity);
            plan.Log.Deleted(Kind, plan.PathOf(entity.Name));
        }
    }

    /// <summary><c>tenant</c>, <c>feature:x</c> or <c>key:x</c>, as the file writes it.</summary>
    public static string ScopeText(BudgetScope scope, string? value) => scope switch
    {
        BudgetScope.Feature => ConfigVocabulary.BudgetScopeFeature + value,
        BudgetScope.ApiKey => ConfigVocabulary.BudgetScopeKey + value,
        _ => ConfigVocabulary.BudgetScopeTenant,
    };

    private static bool KeyExists(TenantPlan plan, string name) =>
        plan.Config.ApiKeys.Any(k => k.Name == name) || plan.State.ApiKeys.Any(k => k.Name == name);

    private static void Update(Budget entity, BudgetConfig desired, FieldChanges changes)
    {
        changes.Set("scope", ScopeText(entity.Scope, entity.ScopeValue), ScopeText(desired.Scope, desired.ScopeValue), _ =>
        {
            entity.Scope = desired.Scope;
            entity.ScopeValue = desired.ScopeValue;
        });
        changes.Set("period", entity.Period, desired.Period, v => entity.Period = v, ConfigVocabulary.Periods.NameOf);
        changes.Set("start", entity.CustomStart, desired.Start, v => entity.CustomStart = v);
        changes.Set("end", entity.CustomEnd, desired.End, v => entity.CustomEnd = v);
        changes.Set("limitUsd", entity.LimitUsd, desired.LimitUsd, v => entity.LimitUsd = v);
        changes.Set("action", entity.Action, desired.Action, v => entity.Action = v, ConfigVocabulary.Actions.NameOf);
        changes.Set("downgradeTier", entity.DowngradeTier, desired.DowngradeTier, v => entity.DowngradeTier = v);
        changes.SetList("thresholds", entity.ThresholdsPercent, desired.Thresholds, v => entity.ThresholdsPercent = v);
        changes.SetList("alertEmails", entity.AlertEmails, desired.AlertEmails, v => entity.AlertEmails = v);
        changes.Set("alertWebhookUrl", entity.AlertWebhookUrl, desired.AlertWebhookUrl, v => entity.AlertWebhookUrl = v);
    }
}
