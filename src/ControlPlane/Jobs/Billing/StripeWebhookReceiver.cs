using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Stripe;

namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>
/// Receives Stripe's webhooks: verifies the <c>Stripe-Signature</c> (HMAC-SHA256 of
/// <c>{t}.{body}</c> with the endpoint's secret, at most 5 minutes old) over the raw body, then
/// applies the invoice events to the tenant whose Stripe customer it is: the invoice mirror and the
/// tenant's billing status. The applied event's id is saved with the change, so a redelivery
/// applies nothing twice.
/// </summary>
internal sealed partial class StripeWebhookReceiver(
    PlatformDbContextFactory contexts, IOptions<BillingOptions> options, TimeProvider time, ILogger<StripeWebhookReceiver> logger)
{
    /// <summary>Stripe's own default; a signed request older than this may be a replay.</summary>
    private const long ToleranceSeconds = 300;

    /// <summary>Stripe's events are a few kilobytes; an unauthenticated caller does not get to send megabytes.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    private static readonly HashSet<string> InvoiceEvents = new(StringComparer.Ordinal)
    {
        EventTypes.InvoiceFinalized,
        EventTypes.InvoicePaid,
        EventTypes.InvoicePaymentFailed,
        EventTypes.InvoiceVoided,
        EventTypes.InvoiceMarkedUncollectible,
        EventTypes.InvoiceUpdated,
    };

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var secret = options.Value.Stripe.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "Stripe webhooks are not configured on this control plane (Billing:Stripe:WebhookSecret).");
        }

        var signature = request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            return Problems.BadRequest("The Stripe-Signature header is missing.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        // The signature covers the exact bytes Stripe sent: read them raw, never re-serialized.
        string json;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        Event stripeEvent;
        try
        {
            // The API version check is off: Stripe sends events in the webhook endpoint's version,
            // which an operator may not have pinned to Stripe.net's, and the invoice fields read here
            // (id, customer, status, amounts, number, hosted URL, metadata) are the same in every version.
            stripeEvent = EventUtility.ConstructEvent(
                json, signature, secret, ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            LogRefused(logger);
            return Problems.BadRequest("The Stripe-Signature header does not match this payload and the webhook secret, or it is more than 5 minutes old.");
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or System.Text.Json.JsonException or ArgumentException)
        {
            return Problems.BadRequest("The payload is not a Stripe event.");
        }

        if (!InvoiceEvents.Contains(stripeEvent.Type) || stripeEvent.Data?.Object is not Stripe.Invoice invoice)
        {
            LogIgnored(logger, stripeEvent.Id, stripeEvent.Type);
            return Results.Ok(new StripeWebhookResult("ignored"));
        }

        if (await FindTenantAsync(invoice, cancellationToken) is not { } tenantId)
        {
            LogUnknownCustomer(logger, stripeEvent.Id, invoice.Id);
            return Results.Ok(new StripeWebhookResult("ignored"));
        }

        return Results.Ok(new StripeWebhookResult(await ApplyAsync(tenantId, stripeEvent, invoice, cancellationToken)));
    }

    private async Task<string> ApplyAsync(Guid tenantId, Event stripeEvent, Stripe.Invoice invoice, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(tenantId);
        if (await db.StripeEvents.AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            return "duplicate";
        }

        db.StripeEvents.Add(new StripeEventRecord { Id = stripeEvent.Id, Type = stripeEvent.Type, ReceivedAt = time.GetUtcNow().UtcDateTime });
        var mirror = await InvoiceMirror.UpsertAsync(db, invoice, cancellationToken);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        tenant.BillingStatus = stripeEvent.Type switch
        {
            EventTypes.InvoicePaid => TenantBillingStatus.Active,

            // A failure reported after the invoice was paid (delivered out of order) is old news.
            EventTypes.InvoicePaymentFailed when mirror.Status != "paid" => TenantBillingStatus.PastDue,
            _ => tenant.BillingStatus,
        };

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once: the other delivery applied it.
            if (await IsAppliedAsync(stripeEvent.Id, cancellationToken))
            {
                return "duplicate";
            }

            throw;
        }

        LogApplied(logger, stripeEvent.Id, stripeEvent.Type, tenantId, mirror.Status);
        return "applied";
    }

    /// <summary>The tenant whose Stripe customer the invoice is for; our own invoices also name it in their metadata.</summary>
    private async Task<Guid?> FindTenantAsync(Stripe.Invoice invoice, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(null);
        if (invoice.CustomerId is { Length: > 0 } customerId
            && await db.Tenants.Where(t => t.StripeCustomerId == customerId).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken) is { } byCustomer)
        {
            return byCustomer;
        }

        if (invoice.Metadata is { } metadata && metadata.TryGetValue("tenant_id", out var raw) && Guid.TryParse(raw, out var byMetadata)
            && await db.Tenants.AnyAsync(t => t.Id == byMetadata, cancellationToken))
        {
            return byMetadata;
        }

        return null;
    }

    private async Task<bool> IsAppliedAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(null);
        return await db.StripeEvents.AnyAsync(e => e.Id == eventId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Stripe webhook: its signature does not verify")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored Stripe event {EventId} of type {Type}")]
    private static partial void LogIgnored(ILogger logger, string eventId, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored Stripe event {EventId}: invoice {InvoiceId} is for no tenant of this platform")]
    private static partial void LogUnknownCustomer(ILogger logger, string eventId, string invoiceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied Stripe event {EventId} ({Type}) to tenant {TenantId}: invoice {Status}")]
    private static partial void LogApplied(ILogger logger, string eventId, string type, Guid tenantId, string status);
}
