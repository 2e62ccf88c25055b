using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Budgets;

/// <summary>Which calls a budget counts: all of its tenant's, one feature's, or one API key's (by the key's name).</summary>
internal static class BudgetScopes
{
    public static bool Applies(BudgetPolicy budget, CallContext call) => budget.Scope switch
    {
        BudgetScope.Tenant => true,
        BudgetScope.Feature => call.Feature is { } feature && string.Equals(budget.ScopeValue, feature, StringComparison.Ordinal),
        BudgetScope.ApiKey => call.Key is { } key && string.Equals(budget.ScopeValue, key.Name, StringComparison.Ordinal),
        _ => false,
    };
}
