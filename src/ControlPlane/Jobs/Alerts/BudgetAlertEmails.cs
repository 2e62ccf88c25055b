using Platform.Shared.Domain;
using Platform.Shared.Mail;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// Sends an alert to each of the budget's addresses, one message per recipient (no one sees the
/// others' addresses). Marked sent only when every message went out: a failure is recorded and the
/// whole alert retried on a later run, which may send some recipients a second copy.
/// </summary>
internal sealed partial class BudgetAlertEmails(IEmailSender sender, TimeProvider time, ILogger<BudgetAlertEmails> logger)
{
    public async Task DeliverAsync(Alert alert, IReadOnlyList<string> recipients, BudgetAlertNotice notice, CancellationToken ct)
    {
        if (!sender.IsConfigured)
        {
            // Not an error of this alert: it goes out once an SMTP server is configured, within the period.
            alert.LastError = AlertErrors.Email("no SMTP server is configured (Smtp:Host)");
            return;
        }

        try
        {
            foreach (var recipient in recipients)
            {
                await sender.SendAsync(BudgetAlertEmail.To(recipient, notice), ct);
            }

            alert.EmailSentAt = time.GetUtcNow().UtcDateTime;
            LogSent(logger, alert.Id, recipients.Count);
        }
        catch (EmailDeliveryException ex)
        {
            alert.LastError = AlertErrors.Email(ex.Message);
            LogFailed(logger, alert.Id, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Budget alert {AlertId} e-mailed to {Recipients} recipients")]
    private static partial void LogSent(ILogger logger, Guid alertId, int recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget alert {AlertId} not e-mailed, retried on the next run: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid alertId, string reason);
}
