using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Spend;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// One tenant's run of <see cref="BudgetAlertJob"/>, in the tenant's scope. For each budget in a
/// period: reads the period's exact spend, raises every threshold crossed that has no alert yet
/// (the row first, so the unique index on budget + period + threshold makes it once), then
/// delivers the period's alerts that are not delivered yet, new and earlier ones alike.
/// </summary>
internal sealed partial class BudgetAlertEvaluator(
    PlatformDbContext db, BudgetAlertEmails emails, BudgetAlertWebhooks webhooks, IOptions<JobsOptions> jobs,
    IOptions<BudgetAlertOptions> options, TimeProvider time, ILogger<BudgetAlertEvaluator> logger)
{
    public async Task RunAsync(Guid tenantId, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, ct);
        var budgets = await db.Budgets.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        foreach (var budget in budgets)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (BudgetAlertPeriod.Current(budget, now) is not { } period)
            {
                continue;
            }

            var othersRaised = await RaiseAsync(budget, period, now, ct);
            await DeliverAsync(tenant, budget, period, othersRaised, ct);
        }
    }

    /// <returns>Thresholds another run raised at the same moment: that run delivers them.</returns>
    private async Task<HashSet<int>> RaiseAsync(Budget budget, BudgetAlertPeriod period, DateTime now, CancellationToken ct)
    {
        var othersRaised = new HashSet<int>();
        var raised = await db.Alerts.AsNoTracking().Where(a => a.BudgetId == budget.Id && a.PeriodStart == period.Start)
            .Select(a => a.ThresholdPercent).ToListAsync(ct);
        var open = budget.ThresholdsPercent.Except(raised).Order().ToList();
        if (open.Count == 0)
        {
            return othersRaised;
        }

        var spent = (await SpendReader.TotalAsync(db, period.SpendFrom, period.SpendTo, await FilterAsync(budget, ct), ct)).CostNanoUsd;
        var limit = AlertMoney.Nano(budget.LimitUsd);
        var forecast = period.RunOutAt(spent, limit, now);
        foreach (var threshold in open.Where(t => AlertMoney.Reaches(spent, limit, t)))
        {
            var alert = new Alert
            {
                BudgetId = budget.Id,
                PeriodStart = period.Start,
                ThresholdPercent = threshold,
                SpentNanoUsd = spent,
                LimitNanoUsd = limit,
                ForecastRunOutAt = forecast,
            };
            db.Alerts.Add(alert);
            try
            {
                await db.SaveChangesAsync(ct);
                LogRaised(logger, alert.Id, budget.Id, threshold);
            }
            catch (DbUpdateException)
            {
                db.Entry(alert).State = EntityState.Detached;
                if (!await db.Alerts.AnyAsync(a => a.BudgetId == budget.Id && a.PeriodStart == period.Start && a.ThresholdPercent == threshold, ct))
                {
                    throw;
                }

                othersRaised.Add(threshold);
            }
        }

        return othersRaised;
    }

    private async Task DeliverAsync(Tenant tenant, Budget budget, BudgetAlertPeriod period, HashSet<int> othersRaised, CancellationToken ct)
    {
        var maxAttempts = options.Value.WebhookMaxAttempts;
        var alerts = await db.Alerts
            .Where(a => a.BudgetId == budget.Id && a.PeriodStart == period.Start && (a.EmailSentAt == null || a.WebhookSentAt == null))
            .OrderBy(a => a.ThresholdPercent).ToListAsync(ct);
        foreach (var alert in alerts.Where(a => !othersRaised.Contains(a.ThresholdPercent)))
        {
            var notice = BudgetAlertNotice.Of(alert, budget, period, tenant, jobs.Value.DashboardUrl);
            if (AlertDelivery.Email(alert, budget, period) == AlertDelivery.Pending)
            {
                await emails.DeliverAsync(alert, budget.AlertEmails, notice, ct);
            }

            if (AlertDelivery.Webhook(alert, budget, period, maxAttempts) == AlertDelivery.Pending && budget.AlertWebhookUrl is { } url)
            {
                await webhooks.DeliverAsync(db, alert, url, notice, ct);
            }

            // Saved per alert: what went out is on record before the next alert is tried.
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>An API-key budget counts by the key's name, like the data plane: every key of that name, rotated or revoked ones too.</summary>
    private async Task<SpendFilter> FilterAsync(Budget budget, CancellationToken ct) => budget.Scope switch
    {
        BudgetScope.Feature => new SpendFilter(Feature: budget.ScopeValue ?? ""),
        BudgetScope.ApiKey => new SpendFilter(ApiKeyIds: await db.ApiKeys.AsNoTracking()
            .Where(k => k.Name == budget.ScopeValue).Select(k => k.Id).ToListAsync(ct)),
        _ => new SpendFilter(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Budget alert {AlertId} raised: budget {BudgetId} crossed {Threshold}%")]
    private static partial void LogRaised(ILogger logger, Guid alertId, Guid budgetId, int threshold);
}
