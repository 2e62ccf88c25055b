using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>
/// Copies a Stripe invoice into the tenant's <see cref="Invoice"/> mirror, from the billing run and
/// from webhooks alike. Stripe delivers webhooks in no particular order, so an older status never
/// overwrites a newer one: draft → open → uncollectible → paid or void.
/// </summary>
internal static class InvoiceMirror
{
    public static async Task<Invoice> UpsertAsync(PlatformDbContext db, Stripe.Invoice source, CancellationToken cancellationToken)
    {
        var status = source.Status ?? "draft";
        var mirror = db.Invoices.Local.FirstOrDefault(i => i.StripeInvoiceId == source.Id)
            ?? await db.Invoices.SingleOrDefaultAsync(i => i.StripeInvoiceId == source.Id, cancellationToken);
        if (mirror is null)
        {
            mirror = new Invoice { StripeInvoiceId = source.Id, Status = status };
            db.Invoices.Add(mirror);
        }
        else if (Rank(status) < Rank(mirror.Status))
        {
            return mirror;
        }

        mirror.Status = status;
        mirror.Number = source.Number ?? mirror.Number;
        mirror.Currency = source.Currency ?? mirror.Currency;
        mirror.AmountDueCents = source.AmountDue;
        mirror.AmountPaidCents = source.AmountPaid;
        mirror.HostedInvoiceUrl = source.HostedInvoiceUrl ?? mirror.HostedInvoiceUrl;

        // Our invoices name the month they bill; Stripe's own period of a one-off invoice is only its creation time.
        var month = BillingPeriods.ParseLabel(source.Metadata is { } metadata && metadata.TryGetValue("period", out var label) ? label : null);
        if (month is { } start)
        {
            mirror.PeriodStart = start;
            mirror.PeriodEnd = start.AddMonths(1);
        }
        else if (mirror.PeriodStart == default)
        {
            mirror.PeriodStart = source.PeriodStart;
            mirror.PeriodEnd = source.PeriodEnd;
        }

        return mirror;
    }

    private static int Rank(string status) => status switch
    {
        "open" => 1,
        "uncollectible" => 2,
        "paid" or "void" => 3,
        _ => 0,
    };
}
