using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Mail;

namespace Platform.ControlPlane.Jobs.Finance;

/// <summary>
/// E-mails each tenant's owners and finance members the previous calendar month's spend per
/// feature (CSV attached), once. It runs daily rather than on the 1st so a month missed while the
/// control plane or the mail server was down still goes out. Once per period is kept by a
/// <see cref="FinanceReportDelivery"/> row (unique per tenant and month) inserted before sending:
/// a second run, or a concurrent one, finds it and sends nothing. Without an SMTP server nothing
/// is inserted, so the report goes out once one is configured. If every send fails the row is
/// removed so the next run tries again; a crash between claiming and sending leaves the row
/// unsent (<c>SentAt</c> null) rather than risk mailing twice.
/// </summary>
internal sealed partial class MonthlyFinanceReportJob(
    TenantJobScope tenants, IEmailSender mail, TimeProvider time, IOptions<JobsOptions> options, ILogger<MonthlyFinanceReportJob> logger) : IPlatformJob
{
    public const string Id = "finance-monthly";

    /// <summary>06:00 UTC daily: after the day's roll-ups, before the working day in Europe.</summary>
    public const string Cron = "0 6 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!mail.IsConfigured)
        {
            LogNoSmtp(logger);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var periodEnd = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var periodStart = periodEnd.AddMonths(-1);
        await tenants.ForEachTenantAsync(
            Id, (services, tenantId, ct) => SendAsync(services.GetRequiredService<PlatformDbContext>(), tenantId, periodStart, periodEnd, ct), cancellationToken);
    }

    private async Task SendAsync(PlatformDbContext db, Guid tenantId, DateTime periodStart, DateTime periodEnd, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, ct);
        if (tenant.CreatedAt >= periodEnd || await db.FinanceReportDeliveries.AnyAsync(d => d.PeriodStart == periodStart, ct))
        {
            // A tenant created since has no month to report; a delivered one is done.
            return;
        }

        var recipients = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == TenantRole.Owner || m.Role == TenantRole.Finance)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.Email)
            .Where(email => email != null)
            .Select(email => email!)
            .Distinct()
            .OrderBy(email => email)
            .ToListAsync(ct);
        if (recipients.Count == 0)
        {
            // Not claimed: a finance member who joins later this month still gets it.
            return;
        }

        var report = await FinanceSpend.ReadAsync(db, periodStart, periodEnd, "feature", ct);
        var csv = await FinanceSpendCsv.ToBytesAsync(report, ct);
        if (await ClaimAsync(db, periodStart, ct) is not { } delivery)
        {
            return;
        }

        var sent = 0;
        foreach (var to in recipients)
        {
            try
            {
                await mail.SendAsync(FinanceReportMail.Compose(to, tenant.Name, report, csv, options.Value.DashboardUrl), ct);
                sent++;
            }
            catch (EmailDeliveryException)
            {
                // The sender logged the server and the reason; recipients are not logged.
            }
        }

        if (sent == 0)
        {
            db.FinanceReportDeliveries.Remove(delivery);
            await db.SaveChangesAsync(ct);
            throw new EmailDeliveryException($"The finance report for {periodStart:yyyy-MM} reached none of {recipients.Count} recipients; it is retried on the next run.");
        }

        delivery.SentAt = time.GetUtcNow().UtcDateTime;
        delivery.Recipients = sent;
        await db.SaveChangesAsync(ct);
        LogSent(logger, periodStart, tenantId, sent, recipients.Count);
    }

    /// <returns>The inserted row, or null when another run inserted it first.</returns>
    private static async Task<FinanceReportDelivery?> ClaimAsync(PlatformDbContext db, DateTime periodStart, CancellationToken ct)
    {
        var delivery = new FinanceReportDelivery { PeriodStart = periodStart };
        db.FinanceReportDeliveries.Add(delivery);
        try
        {
            await db.SaveChangesAsync(ct);
            return delivery;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.FinanceReportDeliveries.AnyAsync(d => d.PeriodStart == periodStart, ct))
            {
                return null;
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Finance report for {Period:yyyy-MM} of tenant {TenantId} sent to {Sent} of {Recipients} recipients")]
    private static partial void LogSent(ILogger logger, DateTime period, Guid tenantId, int sent, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server is configured: monthly finance reports wait until one is")]
    private static partial void LogNoSmtp(ILogger logger);
}
