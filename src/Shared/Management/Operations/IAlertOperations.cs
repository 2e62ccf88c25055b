namespace Platform.Shared.Management.Operations;

/// <summary>
/// Budget alert history and the secret that signs alert webhooks, for the management API
/// (<c>/api/v1/alerts</c>, <c>/api/v1/budgets/{id}/alerts</c>, <c>/api/v1/webhooks/signing-secret</c>)
/// and the dashboard's budgets page alike. Reads are open to every role; rotating needs Configure.
/// </summary>
public interface IAlertOperations
{
    /// <summary>Newest first, then highest threshold.</summary>
    Task<Outcome<Page<BudgetAlertView>>> ListAsync(AlertQuery query, CancellationToken ct);

    /// <summary>One budget's alerts: newest period first, then highest threshold.</summary>
    Task<Outcome<Page<BudgetAlertView>>> BudgetAlertsAsync(Guid budgetId, int? page, int? pageSize, CancellationToken ct);

    /// <summary>Whether a signing secret exists; never the secret.</summary>
    Task<Outcome<WebhookSigningSecretView>> SigningSecretAsync(CancellationToken ct);

    /// <summary>A new secret replaces the old one from the next delivery; the answer carries it, the only time it is shown.</summary>
    Task<Outcome<WebhookSigningSecretCreated>> RotateSigningSecretAsync(CancellationToken ct);
}
