using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/alerts</c>: the tenant's alert history across budgets, newest first, with how each
/// alert's e-mail and webhook went (<see cref="AlertDelivery"/>). One budget's alerts are also at
/// <c>/budgets/{id}/alerts</c>; both use <see cref="ViewsAsync"/>.
/// </summary>
internal static class AlertEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGroup("/alerts").WithTags("Budgets").MapGet("", ListAsync)
            .Produces<Page<BudgetAlertView>>().ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <param name="from">Alerts raised at or after this instant (UTC).</param>
    /// <param name="to">Alerts raised before this instant (UTC).</param>
    /// <param name="budgetId">Only this budget's alerts (a deleted budget's too).</param>
    private static async Task<IResult> ListAsync(
        PlatformDbContext db, IOptions<BudgetAlertOptions> options, TimeProvider time,
        DateTime? from, DateTime? to, Guid? budgetId, int? page, int? pageSize, CancellationToken ct)
    {
        var (start, end) = (from?.ToUniversalTime(), to?.ToUniversalTime());
        if (start >= end)
        {
            return Problems.BadRequest("'from' must be before 'to'.");
        }

        var query = db.Alerts.AsNoTracking();
        if (start is { } s)
        {
            query = query.Where(a => a.CreatedAt >= s);
        }

        if (end is { } e)
        {
            query = query.Where(a => a.CreatedAt < e);
        }

        if (budgetId is { } id)
        {
            query = query.Where(a => a.BudgetId == id);
        }

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.ThresholdPercent)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var views = await ViewsAsync(db, rows, options.Value.WebhookMaxAttempts, time.GetUtcNow().UtcDateTime, ct);
        return Results.Ok(new Page<BudgetAlertView>(views, paging.PageNumber, paging.PageSize, total));
    }

    /// <summary>The rows as the API shows them; a delivery's status depends on its budget's current period.</summary>
    public static async Task<IReadOnlyList<BudgetAlertView>> ViewsAsync(
        PlatformDbContext db, IReadOnlyList<Alert> rows, int maxWebhookAttempts, DateTime utcNow, CancellationToken ct)
    {
        var ids = rows.Select(a => a.BudgetId).Distinct().ToList();
        var budgets = await db.Budgets.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        return [.. rows.Select(a =>
        {
            var budget = budgets.GetValueOrDefault(a.BudgetId);
            var current = budget is null ? null : BudgetAlertPeriod.Current(budget, utcNow);
            return new BudgetAlertView(
                a.Id, a.BudgetId, budget?.Name, a.PeriodStart, a.ThresholdPercent, AlertMoney.Usd(a.SpentNanoUsd), AlertMoney.Usd(a.LimitNanoUsd),
                a.ForecastRunOutAt, AlertDelivery.Email(a, budget, current), a.EmailSentAt,
                AlertDelivery.Webhook(a, budget, current, maxWebhookAttempts), a.WebhookSentAt, a.WebhookAttempts, a.LastError, a.CreatedAt);
        })];
    }
}
