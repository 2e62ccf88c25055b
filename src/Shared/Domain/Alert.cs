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

    public DateTime? EmailSentAt { get; set; }

    public DateTime? WebhookSentAt { get; set; }
}
