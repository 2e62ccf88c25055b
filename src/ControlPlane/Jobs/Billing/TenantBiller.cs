using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Spend;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Stripe;

namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>
/// Bills one tenant's closed months, oldest first, each in the same steps: (1) a Pending
/// <see cref="BillingRecord"/> holding the month's amount is saved before anything is sent, and the
/// amount is never recomputed, so every retry sends Stripe the same parameters under the same keys;
/// (2) the customer, (3) the invoice item, (4) the invoice, (5) its finalization, each with its own
/// idempotency key, each id saved as soon as Stripe answers. A crash between a call and its save
/// repeats the call with the same key, and Stripe returns what it made the first time; a retry
/// after Stripe forgot the key (24 hours) skips the steps whose ids are saved. A Stripe error marks
/// the record Failed and stops this tenant's run: the next month's invoice would otherwise sweep
/// the failed month's pending item into itself. The next daily run retries.
/// </summary>
internal sealed partial class TenantBiller(
    PlatformDbContext db, StripeGateway stripe, IOptions<BillingOptions> options, TimeProvider time, ILogger<TenantBiller> logger)
{
    private const int MaxErrorLength = 2000;

    public async Task BillAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        var months = BillingPeriods.ClosedMonths(tenant.CreatedAt, time.GetUtcNow().UtcDateTime, options.Value.MonthsBack);
        if (months.Count == 0)
        {
            return;
        }

        var records = await db.BillingRecords.Where(r => r.PeriodStart >= months[0]).ToDictionaryAsync(r => r.PeriodStart, cancellationToken);
        foreach (var month in months)
        {
            if (!records.TryGetValue(month, out var record))
            {
                record = await OpenAsync(tenant, month, cancellationToken);
            }

            if (record.Status != BillingStatus.Sent && !await SendAsync(tenant, record, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Prices the month and saves its record before any Stripe call; a month with nothing to charge is done at once.</summary>
    private async Task<BillingRecord> OpenAsync(Tenant tenant, DateTime month, CancellationToken cancellationToken)
    {
        var plan = options.Value.Plan(tenant.Plan) ?? throw new InvalidOperationException(
            $"Tenant '{tenant.Slug}' is on plan '{tenant.Plan}', which Billing:Plans does not define; it is not billed until the plan is configured.");
        var usage = await SpendReader.TotalAsync(db, month, month.AddMonths(1), null, cancellationToken);
        var record = new BillingRecord
        {
            TenantId = tenant.Id,
            PeriodStart = month,
            PeriodEnd = month.AddMonths(1),
            AmountNanoUsd = usage.CostNanoUsd,
            Plan = tenant.Plan,
            MarkupPercent = plan.MarkupPercent,
            AmountCents = BillingPeriods.AmountCents(usage.CostNanoUsd, plan.MarkupPercent),
            IdempotencyKey = BillingPeriods.IdempotencyKey(tenant.Id, month),
        };
        record.Status = record.AmountCents == 0 ? BillingStatus.Sent : BillingStatus.Pending;
        db.BillingRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    private async Task<bool> SendAsync(Tenant tenant, BillingRecord record, CancellationToken cancellationToken)
    {
        try
        {
            if (tenant.StripeCustomerId is null)
            {
                tenant.StripeCustomerId = await stripe.CreateCustomerAsync(tenant, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (record.StripeInvoiceItemId is null)
            {
                record.StripeInvoiceItemId = await stripe.CreateInvoiceItemAsync(tenant.StripeCustomerId, record, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            Stripe.Invoice invoice;
            if (record.StripeInvoiceId is null)
            {
                invoice = await stripe.CreateInvoiceAsync(tenant.StripeCustomerId, record, cancellationToken);
                record.StripeInvoiceId = invoice.Id;
                await InvoiceMirror.UpsertAsync(db, invoice, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                // A day later the draft may have finalized itself (auto-advance): finalize only a draft.
                invoice = await stripe.GetInvoiceAsync(record.StripeInvoiceId, cancellationToken);
            }

            if (invoice.Status == "draft")
            {
                invoice = await stripe.FinalizeInvoiceAsync(record, cancellationToken);
            }

            await InvoiceMirror.UpsertAsync(db, invoice, cancellationToken);
            record.Status = BillingStatus.Sent;
            record.Error = null;
            await db.SaveChangesAsync(cancellationToken);
            LogBilled(logger, tenant.Id, record.PeriodStart, record.AmountCents, invoice.Id);
            return true;
        }
        catch (StripeException ex)
        {
            await FailAsync(record, Describe(ex), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            await FailAsync(record, "Stripe could not be reached: " + ex.Message, cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await FailAsync(record, "Stripe did not answer in time.", cancellationToken);
        }

        return false;
    }

    private async Task FailAsync(BillingRecord record, string error, CancellationToken cancellationToken)
    {
        record.Status = BillingStatus.Failed;
        record.Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        await db.SaveChangesAsync(cancellationToken);
        LogFailed(logger, record.TenantId, record.PeriodStart, record.Error);
    }

    /// <summary>Stripe's own words (type, code, message); never the request, which carries no secret either, but need not be kept.</summary>
    private static string Describe(StripeException ex)
    {
        var error = ex.StripeError;
        var kind = string.Join(' ', new[] { error?.Type, error?.Code }.Where(s => !string.IsNullOrEmpty(s)));
        var message = error?.Message ?? ex.Message;
        return $"Stripe answered {(int)ex.HttpStatusCode}{(kind.Length > 0 ? $" ({kind})" : "")}: {message}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Billed tenant {TenantId} for the month of {Period:yyyy-MM}: {AmountCents} cents, Stripe invoice {InvoiceId}")]
    private static partial void LogBilled(ILogger logger, Guid tenantId, DateTime period, long amountCents, string invoiceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Billing tenant {TenantId} for the month of {Period:yyyy-MM} failed, the next run retries: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid tenantId, DateTime period, string error);
}
