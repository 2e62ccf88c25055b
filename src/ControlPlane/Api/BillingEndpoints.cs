using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Jobs.Billing;
using Platform.Shared.Data;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/billing</c>, for owners and finance (<see cref="Permission.Billing"/>): the plan, the
/// billing status and the current month so far, the invoices mirrored from Stripe, and the monthly
/// billing runs: the HTTP face of <see cref="IBillingOperations"/>, shared with the dashboard.
/// Outside the tenant group: Stripe's webhook (anonymous, its signature is the credential) and a
/// platform operator's change of a tenant's plan.
/// </summary>
internal static class BillingEndpoints
{
    public static void Map(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var billing = api.MapGroup("/billing").WithTags("Billing");
        billing.MapGet("", GetAsync);
        billing.MapGet("/invoices", InvoicesAsync);
        billing.MapGet("/records", RecordsAsync);

        app.MapPost("/api/v1/billing/stripe/webhook", ReceiveWebhookAsync).AllowAnonymous().WithTags("Billing")
            .Accepts<JsonElement>("application/json").Produces<StripeWebhookResult>().ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapPut("/api/v1/tenants/{tenantId:guid}/plan", SetPlanAsync).AddEndpointFilter<PlatformOperatorFilter>()
            .Validates<TenantPlanInput>().WithTags("Tenants").Produces<TenantPlanView>().ProducesValidationProblem();
    }

    private static async Task<Results<Ok<BillingView>, ProblemHttpResult>> GetAsync(IBillingOperations billing, CancellationToken ct) =>
        OutcomeResults.Ok(await billing.GetAsync(ct));

    /// <summary>Newest period first.</summary>
    private static async Task<Results<Ok<Page<InvoiceView>>, ProblemHttpResult>> InvoicesAsync(
        IBillingOperations billing, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await billing.InvoicesAsync(page, pageSize, ct));

    /// <summary>Newest period first.</summary>
    private static async Task<Results<Ok<Page<BillingRecordView>>, ProblemHttpResult>> RecordsAsync(
        IBillingOperations billing, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await billing.RecordsAsync(page, pageSize, ct));

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
}
