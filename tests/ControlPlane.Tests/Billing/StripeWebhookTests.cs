using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;
using Stripe;

namespace Platform.ControlPlane.Tests.Billing;

/// <summary>
/// <c>POST /api/v1/billing/stripe/webhook</c> with events signed the way Stripe signs them: applied
/// to the invoice mirror and the tenant's billing status, once; a bad signature is a 400.
/// </summary>
[Collection(StripeCollection.Name)]
public sealed class StripeWebhookTests(StripeFixture fixture)
{
    private const string Url = "/api/v1/billing/stripe/webhook";

    private ControlPlaneFixture ControlPlane => fixture.ControlPlane;

    [Fact]
    public async Task Webhook_PaymentFailedThenPaid_TenantPastDueThenActive_MirrorPaid()
    {
        var (tenantId, invoiceId) = await BilledTenantAsync();

        using var failed = await PostAsync(Event("invoice.payment_failed", fixture.Stripe.Invoice(invoiceId)));
        var pastDue = (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).BillingStatus;
        using var paid = await PostAsync(Event("invoice.paid", fixture.Stripe.Pay(invoiceId)));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal("applied", (await ControlPlaneFixture.JsonAsync(failed)).GetProperty("outcome").GetString());
        Assert.Equal(TenantBillingStatus.PastDue, pastDue);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(TenantBillingStatus.Active, (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).BillingStatus);
        await using var db = ControlPlane.Db(tenantId);
        var mirror = await db.Invoices.AsNoTracking().SingleAsync();
        Assert.Equal(("paid", 120L, 120L), (mirror.Status, mirror.AmountDueCents, mirror.AmountPaidCents));
    }

    [Fact]
    public async Task Webhook_SameEventTwice_AppliesOnce()
    {
        var (tenantId, invoiceId) = await BilledTenantAsync();
        var payload = Event("invoice.payment_failed", fixture.Stripe.Invoice(invoiceId));
        using var first = await PostAsync(payload);
        await using (var db = ControlPlane.Db(null))
        {
            // Settled by hand meanwhile: a second application of the old event would undo it.
            var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId);
            tenant.BillingStatus = TenantBillingStatus.Active;
            await db.SaveChangesAsync();
        }

        using var again = await PostAsync(payload);

        Assert.Equal("applied", (await ControlPlaneFixture.JsonAsync(first)).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await ControlPlaneFixture.JsonAsync(again)).GetProperty("outcome").GetString());
        Assert.Equal(TenantBillingStatus.Active, (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).BillingStatus);
        var eventId = JsonNode.Parse(payload)!["id"]!.GetValue<string>();
        await using var check = ControlPlane.Db(null);
        Assert.Equal(1, await check.StripeEvents.CountAsync(e => e.Id == eventId));
    }

    [Fact]
    public async Task Webhook_TamperedPayload_400_NothingApplied()
    {
        var (tenantId, invoiceId) = await BilledTenantAsync();
        var payload = Event("invoice.paid", fixture.Stripe.Invoice(invoiceId));
        var signature = StripeSignature.Header(payload, StripeFixture.WebhookSecret, DateTimeOffset.UtcNow);
        var tampered = payload.Replace("\"status\":\"open\"", "\"status\":\"paid\"", StringComparison.Ordinal);
        await SetBillingStatusAsync(tenantId, TenantBillingStatus.PastDue);

        using var response = await PostAsync(tampered, signature);

        Assert.NotEqual(payload, tampered);
        await AssertRefusedAsync(response, tenantId, payload);
    }

    [Fact]
    public async Task Webhook_StaleTimestamp_400_NothingApplied()
    {
        var (tenantId, invoiceId) = await BilledTenantAsync();
        var payload = Event("invoice.paid", fixture.Stripe.Pay(invoiceId));
        await SetBillingStatusAsync(tenantId, TenantBillingStatus.PastDue);

        // Correctly signed, but ten minutes ago: outside Stripe's five-minute tolerance, as a replay would be.
        using var response = await PostAsync(payload, StripeSignature.Header(payload, StripeFixture.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10)));

        await AssertRefusedAsync(response, tenantId, payload);
    }

    [Fact]
    public async Task Webhook_WrongSecretOrNoSignature_400()
    {
        var (tenantId, invoiceId) = await BilledTenantAsync();
        var payload = Event("invoice.paid", fixture.Stripe.Pay(invoiceId));
        await SetBillingStatusAsync(tenantId, TenantBillingStatus.PastDue);

        using var wrongSecret = await PostAsync(payload, StripeSignature.Header(payload, "whsec_someone_else", DateTimeOffset.UtcNow));
        using var unsigned = await PostAsync(payload, signature: null);

        await AssertRefusedAsync(wrongSecret, tenantId, payload);
        await AssertRefusedAsync(unsigned, tenantId, payload);
    }

    [Fact]
    public async Task Webhook_OtherEventType_200Ignored()
    {
        var payload = new JsonObject
        {
            ["id"] = "evt_" + Guid.NewGuid().ToString("N"),
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = new JsonObject { ["id"] = "cus_Other", ["object"] = "customer", ["livemode"] = false } },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = "customer.created",
        }.ToJsonString();

        using var response = await PostAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (await ControlPlaneFixture.JsonAsync(response)).GetProperty("outcome").GetString());
    }

    /// <summary>A tenant billed $1.20 for last month: its Stripe invoice is open.</summary>
    private async Task<(Guid TenantId, string InvoiceId)> BilledTenantAsync()
    {
        var (_, tenantId) = await BillingTestData.TenantAsync(ControlPlane);
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, BillingTestData.LastMonth.AddDays(8), 1_000_000_000);
        await BillingTestData.RunJobAsync(ControlPlane);
        var record = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        Assert.Equal(BillingStatus.Sent, record.Status);
        return (tenantId, record.StripeInvoiceId!);
    }

    /// <summary>An event as Stripe sends it, in Stripe.net's API version.</summary>
    private static string Event(string type, JsonObject invoice) => new JsonObject
    {
        ["id"] = "evt_" + Guid.NewGuid().ToString("N")[..24],
        ["object"] = "event",
        ["api_version"] = StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = invoice },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    }.ToJsonString();

    private Task<HttpResponseMessage> PostAsync(string payload) =>
        PostAsync(payload, StripeSignature.Header(payload, StripeFixture.WebhookSecret, DateTimeOffset.UtcNow));

    private async Task<HttpResponseMessage> PostAsync(string payload, string? signature)
    {
        using var client = ControlPlane.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    private async Task SetBillingStatusAsync(Guid tenantId, TenantBillingStatus status)
    {
        await using var db = ControlPlane.Db(null);
        (await db.Tenants.SingleAsync(t => t.Id == tenantId)).BillingStatus = status;
        await db.SaveChangesAsync();
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, Guid tenantId, string payload)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TenantBillingStatus.PastDue, (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).BillingStatus);
        var eventId = JsonNode.Parse(payload)!["id"]!.GetValue<string>();
        await using var db = ControlPlane.Db(null);
        Assert.False(await db.StripeEvents.AnyAsync(e => e.Id == eventId));
    }
}
