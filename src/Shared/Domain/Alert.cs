namespace Platform.Shared.Domain;

/// <summary>
/// A budget threshold crossed in a period. Unique per budget, period and threshold, which is what
/// makes alerting "once per threshold per period".
/// </summary>
public sealed class Alert : TenantEntity
{
    public Guid BudgetId { get; set; }

    public DateTime PeriodStart { get; set; }

    public int ThresholdPercent { get; set; }

    public long SpentNanoUsd { get; set; }

    /// <summary>The budget's limit when the alert was raised, so the history reads right after a change.</summary>
    public long LimitNanoUsd { get; set; }

    /// <summary>When the budget runs out at the period's rate so far; null if it will not within the period.</summary>
    public DateTime? ForecastRunOutAt { get; set; }

    public int WebhookAttempts { get; set; }

    /// <summary>The last delivery failure (e-mail or webhook), for the alert history.</summary>
    public string? LastError { get; set; }

    public DateTime? EmailSentAt { get; set; }

    public DateTime? WebhookSentAt { get; set; }
}
