using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Budgets;

/// <summary>
/// The spend of a budget's period recorded by every process but this one: this process counts its
/// own calls in memory, the moment they settle, so none is counted twice. Rows without a
/// <c>RecordedBy</c> (written before the column existed, or by a tool) count as someone else's.
/// </summary>
internal static class BudgetSpendQuery
{
    public static async Task<long> OthersNanoUsdAsync(PlatformDbContextFactory contexts, BudgetEntry entry, string instanceId, CancellationToken cancellationToken)
    {
        var budget = entry.Policy;
        var start = entry.Window.Start;
        var end = entry.Window.End;
        var scopeValue = budget.ScopeValue;
        await using var db = contexts.Create(entry.TenantId);
        var events = db.UsageEvents.AsNoTracking()
            .Where(e => e.StartedAt >= start && e.StartedAt < end && (e.RecordedBy == null || e.RecordedBy != instanceId));
        events = budget.Scope switch
        {
            BudgetScope.Feature => events.Where(e => e.Feature == scopeValue),

            // By name, like the budget: a key rotated under the same name stays in the same budget.
            BudgetScope.ApiKey => events.Where(e => db.ApiKeys.Any(k => k.Id == e.ApiKeyId && k.Name == scopeValue)),
            _ => events,
        };
        return await events.SumAsync(e => e.CostNanoUsd, cancellationToken);
    }
}
