using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Jobs.Billing;
using Platform.ControlPlane.Spend;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Billing;

/// <summary>
/// The plan, the billing status and the current month so far, the invoices mirrored from Stripe,
/// and the monthly billing runs, for owners and finance (<see cref="Permission.Billing"/>). Read
/// only: Stripe's webhook and the billing job write these rows.
/// </summary>
internal sealed class BillingOperations(PlatformDbContext db, Caller caller, IOptions<BillingOptions> options, TimeProvider time) : IBillingOperations
{
    public async Task<Outcome<BillingView>> GetAsync(CancellationToken ct)
    {
        if (caller.Refuses(Permission.Billing) is { } refusal)
        {
            return refusal;
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == caller.TenantId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var start = BillingPeriods.MonthStart(now);

        // Spend is read in whole hours: up to the end of the current one.
        var through = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc).AddHours(1);
        var usage = await SpendReader.TotalAsync(db, start, through, null, ct);
        var plan = options.Value.Plan(tenant.Plan);
        decimal? estimate = plan is null ? null : BillingPeriods.AmountCents(usage.CostNanoUsd, plan.MarkupPercent) / 100m;
        return Outcome.Ok(new BillingView(
            options.Value.IsEnabled, tenant.Plan, plan?.MarkupPercent, Status(tenant.BillingStatus), tenant.StripeCustomerId,
            start, start.AddMonths(1), UsageFilter.Usd(usage.CostNanoUsd), estimate));
    }

    public async Task<Outcome<Page<InvoiceView>>> InvoicesAsync(int? page, int? pageSize, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Billing) is { } refusal)
        {
            return refusal;
        }

        var paging = Paging.From(page, pageSize);
        var total = await db.Invoices.CountAsync(ct);
        var rows = await db.Invoices.AsNoTracking().OrderByDescending(i => i.PeriodStart).ThenByDescending(i => i.CreatedAt)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<InvoiceView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<Page<BillingRecordView>>> RecordsAsync(int? page, int? pageSize, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Billing) is { } refusal)
        {
            return refusal;
        }

        var paging = Paging.From(page, pageSize);
        var total = await db.BillingRecords.CountAsync(ct);
        var rows = await db.BillingRecords.AsNoTracking().OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.CreatedAt)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<BillingRecordView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static string Status(TenantBillingStatus status) => status == TenantBillingStatus.PastDue ? "past_due" : "active";

    private static InvoiceView View(Invoice i) => new(
        i.Id, i.StripeInvoiceId, i.Number, i.Status, i.Currency, i.AmountDueCents / 100m, i.AmountPaidCents / 100m,
        i.PeriodStart, i.PeriodEnd, i.HostedInvoiceUrl, i.CreatedAt, i.UpdatedAt);

    private static BillingRecordView View(BillingRecord r) => new(
        r.Id, r.PeriodStart, r.PeriodEnd, r.Status.ToString().ToLowerInvariant(), UsageFilter.Usd(r.AmountNanoUsd), r.Plan, r.MarkupPercent,
        r.AmountCents / 100m, r.StripeInvoiceItemId, r.StripeInvoiceId, r.Error, r.CreatedAt, r.UpdatedAt);
}
