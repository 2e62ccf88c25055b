using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Budgets;

/// <summary>
/// The alert history, with how each alert's e-mail and webhook went (<see cref="AlertDelivery"/>),
/// and the tenant's webhook signing secret (<see cref="WebhookSignature"/>). Reading the secret says
/// only whether one exists; rotating makes a new one and shows it once, and the audit log keeps only
/// a masked form. The alert job makes one on first use, so a tenant that never rotated learns its
/// secret by rotating.
/// </summary>
internal sealed class AlertOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, WebhookSigningSecrets secrets, IOptions<BudgetAlertOptions> options, TimeProvider time)
    : IAlertOperations
{
    public async Task<Outcome<Page<BudgetAlertView>>> ListAsync(AlertQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        var (start, end) = (query.From?.ToUniversalTime(), query.To?.ToUniversalTime());
        if (start >= end)
        {
            return Failure.Invalid(nameof(AlertQuery.To), "'from' must be before 'to'.");
        }

        var alerts = db.Alerts.AsNoTracking();
        if (start is { } s)
        {
            alerts = alerts.Where(a => a.CreatedAt >= s);
        }

        if (end is { } e)
        {
            alerts = alerts.Where(a => a.CreatedAt < e);
        }

        if (query.BudgetId is { } id)
        {
            alerts = alerts.Where(a => a.BudgetId == id);
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var total = await alerts.CountAsync(ct);
        var rows = await alerts.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.ThresholdPercent)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<BudgetAlertView>(await ViewsAsync(rows, ct), paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<Page<BudgetAlertView>>> BudgetAlertsAsync(Guid budgetId, int? page, int? pageSize, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Budgets.AnyAsync(b => b.Id == budgetId, ct))
        {
            return Failure.NotFound("budget");
        }

        var paging = Paging.From(page, pageSize);
        var alerts = db.Alerts.AsNoTracking().Where(a => a.BudgetId == budgetId);
        var total = await alerts.CountAsync(ct);
        var rows = await alerts.OrderByDescending(a => a.PeriodStart).ThenByDescending(a => a.ThresholdPercent)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<BudgetAlertView>(await ViewsAsync(rows, ct), paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<WebhookSigningSecretView>> SigningSecretAsync(CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return Outcome.Ok(new WebhookSigningSecretView(await WebhookSigningSecrets.ExistsAsync(db, caller.TenantId, ct), WebhookSignature.Header));
    }

    public async Task<Outcome<WebhookSigningSecretCreated>> RotateSigningSecretAsync(CancellationToken ct)
    {
        if (caller.Refuses(Permission.Configure) is { } refusal)
        {
            return refusal;
        }

        var existed = await WebhookSigningSecrets.ExistsAsync(db, caller.TenantId, ct);
        var secret = WebhookSigningSecrets.Generate();
        audit.AddByKey(db, "rotate", "webhook-signing-secret", caller.TenantId.ToString(),
            new { exists = existed }, new { exists = true, secret = WebhookSigningSecrets.Mask(secret) });

        // The secret and its audit entry land together; a retrying strategy (SQL Server) reruns both.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Secrets: secrets, TenantId: caller.TenantId, Secret: secret),
            static async (_, s, token) =>
            {
                await using var transaction = await s.Db.Database.BeginTransactionAsync(token);
                await s.Secrets.ReplaceAsync(s.Db, s.TenantId, s.Secret, token);
                await s.Db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
                await transaction.CommitAsync(token);
                return true;
            },
            verifySucceeded: null,
            ct);
        db.ChangeTracker.AcceptAllChanges();
        return Outcome.Ok(new WebhookSigningSecretCreated(secret, WebhookSignature.Header));
    }

    /// <summary>The rows as the API shows them; a delivery's status depends on its budget's current period.</summary>
    private async Task<IReadOnlyList<BudgetAlertView>> ViewsAsync(IReadOnlyList<Alert> rows, CancellationToken ct)
    {
        var maxWebhookAttempts = options.Value.WebhookMaxAttempts;
        var utcNow = time.GetUtcNow().UtcDateTime;
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
