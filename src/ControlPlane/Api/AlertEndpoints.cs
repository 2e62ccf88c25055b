using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/alerts</c>: the tenant's alert history across budgets, newest first, with how each
/// alert's e-mail and webhook went. One budget's alerts are also at <c>/budgets/{id}/alerts</c>;
/// both are <see cref="IAlertOperations"/>, shared with the dashboard.
/// </summary>
internal static class AlertEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGroup("/alerts").WithTags("Budgets").MapGet("", ListAsync);
    }

    /// <param name="from">Alerts raised at or after this instant (UTC).</param>
    /// <param name="to">Alerts raised before this instant (UTC).</param>
    /// <param name="budgetId">Only this budget's alerts (a deleted budget's too).</param>
    private static async Task<Results<Ok<Page<BudgetAlertView>>, ProblemHttpResult>> ListAsync(
        IAlertOperations alerts, DateTime? from, DateTime? to, Guid? budgetId, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await alerts.ListAsync(new AlertQuery(from, to, budgetId, page, pageSize), ct));
}
