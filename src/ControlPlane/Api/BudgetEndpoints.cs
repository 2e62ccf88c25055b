using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/budgets</c>: spend limits with their alert rule (thresholds, e-mails, webhook), in
/// the config format's words, and <c>/budgets/{id}/alerts</c>, the thresholds crossed so far. The
/// HTTP face of <see cref="IBudgetOperations"/> and <see cref="IAlertOperations"/>: roles,
/// validation (the shared <see cref="BudgetInputValidator"/> plus the checks that need the
/// database), tenant scoping and audit are the operations', shared with the dashboard.
/// </summary>
internal static class BudgetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var budgets = api.MapGroup("/budgets").WithTags("Budgets");
        budgets.MapGet("", ListAsync);
        budgets.MapGet("/{id:guid}", GetAsync);
        budgets.MapGet("/{id:guid}/alerts", AlertsAsync);
        budgets.MapPost("", CreateAsync);
        budgets.MapPut("/{id:guid}", UpdateAsync);
        budgets.MapDelete("/{id:guid}", DeleteAsync);
    }

    /// <param name="scope"><c>tenant</c>, <c>feature</c> or <c>key</c>: only budgets of that kind of scope.</param>
    private static async Task<Results<Ok<Page<BudgetView>>, ProblemHttpResult>> ListAsync(
        IBudgetOperations budgets, string? name, string? scope, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await budgets.ListAsync(new BudgetQuery(name, scope, page, pageSize), ct));

    private static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> GetAsync(
        Guid id, IBudgetOperations budgets, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await budgets.GetAsync(id, ct), response);

    /// <summary>Newest period first, then highest threshold; with each alert's deliveries (see <see cref="AlertEndpoints"/>).</summary>
    private static async Task<Results<Ok<Page<BudgetAlertView>>, ProblemHttpResult>> AlertsAsync(
        Guid id, IAlertOperations alerts, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await alerts.BudgetAlertsAsync(id, page, pageSize, ct));

    private static async Task<Results<Created<BudgetView>, ProblemHttpResult>> CreateAsync(
        BudgetInput input, IBudgetOperations budgets, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await budgets.CreateAsync(input, ct), response, created => $"/api/v1/budgets/{created.Id}");

    private static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> UpdateAsync(
        Guid id, BudgetInput input, IBudgetOperations budgets, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await budgets.UpdateAsync(id, input, ETags.IfMatch(request), ct), response);

    /// <summary>The budget's alert rows stay: they are history, and a config apply that drops a budget keeps them too.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, IBudgetOperations budgets, HttpRequest request, CancellationToken ct)
    {
        var outcome = await budgets.DeleteAsync(id, ETags.IfMatch(request), ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Of(outcome.Failure);
    }
}
