using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Jobs.Billing;
using Platform.ControlPlane.Spend;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/billing</c>, for owners and finance (<see cref="Permission.Billing"/>): the plan, the
/// billing status and the current month so far, the invoices mirrored from Stripe, and the monthly
/// billing runs. Outside the tenant group: Stripe's webhook (anonymous, its signature is the
/// credential) and a platform operator's change of a tenant's plan.
/// </summary>
internal static class BillingEndpoints
{
    public static void Map(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var billing = api.MapGroup("/billing").WithTags("Billing");
        billing.MapGet("", GetAsync).Requires(Permission.Billing).Produces<BillingView>();
        billing.MapGet("/invoices", InvoicesAsync).Requires(Permission.Billing).Produces<Page<InvoiceView>>();
        billing.MapGet("/records", RecordsAsync).Requires(Permission.Billing).Produces<Page<BillingRecordView>>();

        app.MapPost("/api/v1/billing/stripe/webhook", ReceiveWebhookAsync).AllowAnonymous().WithTags("Billing")
            .Accepts<JsonElement>("application/json").Produces<StripeWebhookResult>().ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapPut("/api/v1/tenants/{tenantId:guid}/plan", SetPlanAsync).AddEndpointFilter<PlatformOperatorFilter>()
            .Validates<TenantPlanInput>().WithTags("Tenants").Produces<TenantPlanView>().ProducesValidationProblem();
    }

    private static async Task<IResult> GetAsync(
        PlatformDbContext db, Caller caller, IOptions<BillingOptions> options, TimeProvider time, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == caller.TenantId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var start = BillingPeriods.MonthStart(now);

        // Spend is read in whole hours: up to the end of the current one.
        var through = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc).AddHours(1);
        var usage = await SpendReader.TotalAsync(db, start, through, null, ct);
        var plan = options.Value.Plan(tenant.Plan);
        decimal? estimate = plan is null ? null : BillingPeriods.AmountCents(usage.CostNanoUsd, plan.MarkupPercent) / 100m;
        return Results.Ok(new BillingView(
            options.Value.IsEnabled, tenant.Plan, plan?.MarkupPercent, Status(tenant.BillingStatus), tenant.StripeCustomerId,
            start, start.AddMonths(1), UsageFilter.Usd(usage.CostNanoUsd), estimate));
    }

    /// <summary>Newest period first.</summary>
    private static async Task<IResult> InvoicesAsync(PlatformDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var total = await db.Invoices.CountAsync(ct);
        var rows = await db.Invoices.AsNoTracking().OrderByDescending(i => i.PeriodStart).ThenByDescending(i => i.CreatedAt)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<InvoiceView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    /// <summary>Newest period first.</summary>
    private static async Task<IResult> RecordsAsync(PlatformDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var total = await db.BillingRecords.CountAsync(ct);
        var rows = await db.BillingRecords.AsNoTracking().OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.CreatedAt)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<BillingRecordView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static Task<IResult> ReceiveWebhookAsync(HttpRequest request, StripeWebhookReceiver receiver, CancellationToken ct) =>
        receiver.ReceiveAsync(request, ct);

    private static async Task<IResult> SetPlanAsync(
        Guid tenantId, TenantPlanInput input, PlatformDbContextFactory contexts, IOptions<BillingOptions> options, AuditLog audit,
        CancellationToken ct)
    {
        var plans = options.Value.Plans;
        if (plans.Keys.FirstOrDefault(k => string.Equals(k, input.Plan, StringComparison.OrdinalIgnoreCase)) is not { } name)
        {
            return Problems.BadRequest($"Unknown plan '{input.Plan}'; this control plane bills: {string.Join(", ", plans.Keys.Order(StringComparer.Ordinal))}.");
        }

        // The tenant's own scope, so the audit entry is the tenant's.
        await using var db = contexts.Create(tenantId);
        if (await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, ct) is not { } tenant)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No tenant with that id.");
        }

        var before = new TenantPlanView(tenant.Id, tenant.Plan, options.Value.Plan(tenant.Plan)?.MarkupPercent ?? 0);
        tenant.Plan = name;
        var after = new TenantPlanView(tenant.Id, name, plans[name].MarkupPercent);
        audit.Add(db, "update", "tenant_plan", tenant.Id, before, after);
        await db.SaveChangesAsync(ct);
        return Results.Ok(after);
    }

    private static string Status(TenantBillingStatus status) => status == TenantBillingStatus.PastDue ? "past_due" : "active";

    private static InvoiceView View(Invoice i) => new(
        i.Id, i.StripeInvoiceId, i.Number, i.Status, i.Currency, i.AmountDueCents / 100m, i.AmountPaidCents / 100m,
        i.PeriodStart, i.PeriodEnd, i.HostedInvoiceUrl, i.CreatedAt, i.UpdatedAt);

    private static BillingRecordView View(BillingRecord r) => new(
        r.Id, r.PeriodStart, r.PeriodEnd, r.Status.ToString().ToLowerInvariant(), UsageFilter.Usd(r.AmountNanoUsd), r.Plan, r.MarkupPercent,
        r.AmountCents / 100m, r.StripeInvoiceItemId, r.StripeInvoiceId, r.Error, r.CreatedAt, r.UpdatedAt);
}
