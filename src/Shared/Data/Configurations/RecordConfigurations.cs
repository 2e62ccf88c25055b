using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Shared.Domain;

namespace Platform.Shared.Data.Configurations;

internal sealed class UsageEventConfiguration : TenantEntityConfiguration<UsageEvent>
{
    /// <summary>(TenantId, StartedAt) serves every tenant lookup; one index fewer per proxied call's insert.</summary>
    protected override bool IndexTenantAlone => false;

    protected override void ConfigureEntity(EntityTypeBuilder<UsageEvent> builder)
    {
        builder.HasIndex(e => new { e.TenantId, e.StartedAt });
        builder.HasIndex(e => e.RolledUp);
        builder.Property(e => e.RecordedBy).HasMaxLength(64);
        builder.HasMany(e => e.Attempts).WithOne().HasForeignKey(a => a.UsageEventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UsageAttemptConfiguration : TenantEntityConfiguration<UsageAttempt>
{
    protected override void ConfigureEntity(EntityTypeBuilder<UsageAttempt> builder) =>
        builder.HasIndex(a => new { a.UsageEventId, a.Index }).IsUnique();
}

internal sealed class UsageRollupConfiguration : TenantEntityConfiguration<UsageRollup>
{
    protected override void ConfigureEntity(EntityTypeBuilder<UsageRollup> builder)
    {
        builder.Property(r => r.Feature).HasMaxLength(100);
        builder.Property(r => r.Route).HasMaxLength(100);
        builder.Property(r => r.Provider).HasMaxLength(100);
        builder.Property(r => r.Model).HasMaxLength(200);
        builder.Property(r => r.Customer).HasMaxLength(100);
        builder.HasIndex(r => new { r.TenantId, r.Granularity, r.BucketStart, r.Feature, r.Route, r.Provider, r.Model, r.Customer, r.ApiKeyId }).IsUnique();
    }
}

internal sealed class AlertConfiguration : TenantEntityConfiguration<Alert>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Alert> builder)
    {
        builder.HasIndex(a => new { a.BudgetId, a.PeriodStart, a.ThresholdPercent }).IsUnique();
        builder.Property(a => a.LastError).HasMaxLength(2000);
    }
}

internal sealed class AuditEntryConfiguration : TenantEntityConfiguration<AuditEntry>
{
    protected override void ConfigureEntity(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(a => new { a.TenantId, a.CreatedAt });
    }
}

internal sealed class BillingRecordConfiguration : TenantEntityConfiguration<BillingRecord>
{
    protected override void ConfigureEntity(EntityTypeBuilder<BillingRecord> builder)
    {
        builder.Property(b => b.Error).HasMaxLength(2000);
        builder.Property(b => b.Plan).HasMaxLength(64);
        builder.Property(b => b.MarkupPercent).HasPrecision(9, 4);
        builder.HasIndex(b => b.IdempotencyKey).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.PeriodStart });
    }
}

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.HasKey(c => new { c.TenantId, c.Scope, c.WindowStart, c.Instance });
        builder.Property(c => c.Scope).HasMaxLength(64);
        builder.Property(c => c.Instance).HasMaxLength(64);
        builder.HasIndex(c => c.WindowStart);
    }
}

internal sealed class InvoiceConfiguration : TenantEntityConfiguration<Invoice>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Invoice> builder)
    {
        builder.Property(i => i.StripeInvoiceId).HasMaxLength(255);
        builder.Property(i => i.Number).HasMaxLength(100);
        builder.Property(i => i.Status).HasMaxLength(32);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.HostedInvoiceUrl).HasMaxLength(2000);
        builder.HasIndex(i => i.StripeInvoiceId).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.PeriodStart });
    }
}

internal sealed class FinanceReportDeliveryConfiguration : TenantEntityConfiguration<FinanceReportDelivery>
{
    protected override void ConfigureEntity(EntityTypeBuilder<FinanceReportDelivery> builder) =>
        builder.HasIndex(d => new { d.TenantId, d.PeriodStart }).IsUnique();
}

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
    }
}
