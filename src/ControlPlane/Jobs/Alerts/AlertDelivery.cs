using Platform.Shared.Domain;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// Where an alert's e-mail or webhook stands. One rule for the job (what it retries) and the API
/// (what the history shows): undelivered alerts are retried while their period lasts (and, for
/// webhooks, until <see cref="BudgetAlertOptions.WebhookMaxAttempts"/>), then given up.
/// </summary>
internal static class AlertDelivery
{
    public const string Sent = "sent";

    /// <summary>Not delivered yet; the job tries again on its next run.</summary>
    public const string Pending = "pending";

    /// <summary>Given up: the period ended, or the webhook's tries ran out. <c>lastError</c> says why it failed.</summary>
    public const string Failed = "failed";

    /// <summary>The budget has no e-mail recipients (or no webhook), or it was deleted.</summary>
    public const string None = "none";

    /// <param name="current">The budget's current period, null when it is in none (or the budget is gone).</param>
    public static string Email(Alert alert, Budget? budget, BudgetAlertPeriod? current) =>
        alert.EmailSentAt is not null ? Sent
        : budget is not { AlertEmails.Count: > 0 } ? None
        : IsOpen(alert, current) ? Pending
        : Failed;

    public static string Webhook(Alert alert, Budget? budget, BudgetAlertPeriod? current, int maxAttempts) =>
        alert.WebhookSentAt is not null ? Sent
        : budget is not { AlertWebhookUrl: not null } ? None
        : IsOpen(alert, current) && alert.WebhookAttempts < maxAttempts ? Pending
        : Failed;

    private static bool IsOpen(Alert alert, BudgetAlertPeriod? current) => current is not null && current.Start == alert.PeriodStart;
}
