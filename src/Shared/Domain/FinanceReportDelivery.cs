namespace Platform.Shared.Domain;

/// <summary>The monthly finance export of one period was e-mailed; unique per period, so it goes once.</summary>
public sealed class FinanceReportDelivery : TenantEntity
{
    public DateTime PeriodStart { get; set; }

    public DateTime? SentAt { get; set; }

    public int Recipients { get; set; }
}
