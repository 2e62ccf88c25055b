using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests.Billing;

/// <summary>
/// The Stripe billing run against the fake Stripe: the right amount and fields under the right
/// idempotency keys, nothing billed twice however the run is repeated or interrupted.
/// </summary>
[Collection(StripeCollection.Name)]
public sealed class StripeBillingJobTests(StripeFixture fixture)
{
    private ControlPlaneFixture ControlPlane => fixture.ControlPlane;

    private FakeStripeServer Stripe => fixture.Stripe;

    [Fact]
    public async Task Run_OneClosedMonth_BillsUsagePlusMarkupRoundedHalfUp_UnderTheMonthsKeys()
    {
        var (slug, tenantId) = await BillingTestData.TenantAsync(ControlPlane);
        var month = BillingTestData.LastMonth;

        // $10.2875 of usage; +20 % is $12.345, 1234.5 cents: half up is 1235 (banker's rounding would give 1234).
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, month.AddDays(3), 10_000_000_000, 287_000_000, 500_000);
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, month.AddMonths(1).AddMinutes(1), 7_000_000_000);

        await BillingTestData.RunJobAsync(ControlPlane);

        var record = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        var tenant = await BillingTestData.TenantRowAsync(ControlPlane, tenantId);
        var key = $"bill-{tenantId:N}-{month:yyyyMM}";
        var requests = TenantRequests(tenantId);
        Assert.Equal([$"customer-{tenantId:N}", key + "-item", key + "-invoice", key + "-finalize"], requests.Select(r => r.IdempotencyKey));
        Assert.Equal(["/v1/customers", "/v1/invoiceitems", "/v1/invoices", $"/v1/invoices/{record.StripeInvoiceId}/finalize"], requests.Select(r => r.Path));
        var (customer, item, invoice) = (requests[0].Form, requests[1].Form, requests[2].Form);
        Assert.Equal((tenantId.ToString(), slug, $"{slug} Ltd"), (customer["metadata[tenant_id]"], customer["metadata[tenant_slug]"], customer["name"]));
        Assert.Equal(tenant.StripeCustomerId, item["customer"]);
        Assert.Equal(("1235", "usd"), (item["amount"], item["currency"]));
        Assert.Equal($"LLM usage {month:yyyy-MM} (+20 % platform fee)", item["description"]);
        Assert.Equal((key, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), tenantId.ToString()),
            (item["metadata[billing_key]"], item["metadata[period]"], item["metadata[tenant_id]"]));
        Assert.Equal((Unix(month), Unix(month.AddMonths(1))), (item["period[start]"], item["period[end]"]));
        Assert.Equal((tenant.StripeCustomerId, "include", "true"), (invoice["customer"], invoice["pending_invoice_items_behavior"], invoice["auto_advance"]));
        Assert.Equal(key, invoice["metadata[billing_key]"]);

        Assert.Equal((BillingStatus.Sent, 10_287_500_000L, 1235L, "standard", 20m),
            (record.Status, record.AmountNanoUsd, record.AmountCents, record.Plan, record.MarkupPercent));
        var stripeItem = Assert.Single(Stripe.InvoiceItems(tenant.StripeCustomerId!));
        var stripeInvoice = Assert.Single(Stripe.Invoices(tenant.StripeCustomerId!));
        Assert.Equal((record.StripeInvoiceItemId, record.StripeInvoiceId), (stripeItem["id"]!.GetValue<string>(), stripeInvoice["id"]!.GetValue<string>()));
        Assert.Equal(("open", 1235L), (stripeInvoice["status"]!.GetValue<string>(), stripeInvoice["amount_due"]!.GetValue<long>()));

        await using var db = ControlPlane.Db(tenantId);
        var mirror = await db.Invoices.AsNoTracking().SingleAsync();
        Assert.Equal((record.StripeInvoiceId, "open", 1235L, month, month.AddMonths(1)),
            (mirror.StripeInvoiceId, mirror.Status, mirror.AmountDueCents, mirror.PeriodStart, mirror.PeriodEnd));
        Assert.Equal(stripeInvoice["hosted_invoice_url"]!.GetValue<string>(), mirror.HostedInvoiceUrl);
    }

    [Fact]
    public async Task Run_Repeated_SendsStripeNothingMore()
    {
        var (_, tenantId) = await BillingTestData.TenantAsync(ControlPlane);
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, BillingTestData.LastMonth.AddDays(5), 2_000_000_000);
        await BillingTestData.RunJobAsync(ControlPlane);
        var sent = Stripe.Requests.Count;

        await BillingTestData.RunJobAsync(ControlPlane);
        await BillingTestData.RunJobAsync(ControlPlane);

        Assert.Equal(sent, Stripe.Requests.Count);
        var record = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        var customer = (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).StripeCustomerId!;
        Assert.Equal(BillingStatus.Sent, record.Status);
        Assert.Equal(240L, Assert.Single(Stripe.InvoiceItems(customer))["amount"]!.GetValue<long>());
        Assert.Single(Stripe.Invoices(customer));
    }

    [Fact]
    public async Task Run_InvoiceCreationFailsOnce_RecordFailed_NextRunInvoicesTheSameItem()
    {
        var (_, tenantId) = await BillingTestData.TenantAsync(ControlPlane);
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, BillingTestData.LastMonth.AddDays(2), 1_000_000_000);
        Stripe.FailNext("/v1/invoices", BillingTestData.KeyPrefix(tenantId), FakeStripeFailure.ServerError);

        await BillingTestData.RunJobAsync(ControlPlane);
        var failed = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        await BillingTestData.RunJobAsync(ControlPlane);

        Assert.Equal(BillingStatus.Failed, failed.Status);
        Assert.Contains("500", failed.Error, StringComparison.Ordinal);
        Assert.Contains("api_error", failed.Error, StringComparison.Ordinal);
        Assert.NotNull(failed.StripeInvoiceItemId);
        Assert.Null(failed.StripeInvoiceId);
        var record = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        var customer = (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).StripeCustomerId!;
        Assert.Equal((BillingStatus.Sent, null), (record.Status, record.Error));
        var item = Assert.Single(Stripe.InvoiceItems(customer));
        var invoice = Assert.Single(Stripe.Invoices(customer));
        Assert.Equal((failed.StripeInvoiceItemId, record.StripeInvoiceId), (item["id"]!.GetValue<string>(), item["invoice"]!.GetValue<string>()));
        Assert.Equal(120L, invoice["amount_due"]!.GetValue<long>());
        Assert.Single(TenantRequests(tenantId), r => r.Path == "/v1/invoiceitems");
    }

    [Fact]
    public async Task Run_CrashAfterStripeMadeTheItem_RerunSendsTheSameKey_StripeKeepsOneItem()
    {
        var (_, tenantId) = await BillingTestData.TenantAsync(ControlPlane);
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, BillingTestData.LastMonth.AddDays(9), 3_000_000_000);
        Stripe.FailNext("/v1/invoiceitems", BillingTestData.KeyPrefix(tenantId), FakeStripeFailure.LostResponse);

        await BillingTestData.RunJobAsync(ControlPlane);
        var failed = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        await BillingTestData.RunJobAsync(ControlPlane);

        Assert.Equal((BillingStatus.Failed, null), (failed.Status, failed.StripeInvoiceItemId));
        var itemRequests = TenantRequests(tenantId).Where(r => r.Path == "/v1/invoiceitems").ToList();
        Assert.Equal(2, itemRequests.Count);
        Assert.Equal(itemRequests[0].IdempotencyKey, itemRequests[1].IdempotencyKey);
        Assert.True(itemRequests[1].Replayed);
        var record = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        var customer = (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).StripeCustomerId!;
        var item = Assert.Single(Stripe.InvoiceItems(customer));
        var invoice = Assert.Single(Stripe.Invoices(customer));
        Assert.Equal((BillingStatus.Sent, item["id"]!.GetValue<string>()), (record.Status, record.StripeInvoiceItemId));
        Assert.Equal(360L, invoice["amount_due"]!.GetValue<long>());
    }

    [Fact]
    public async Task Run_CardErrorOnFinalize_RecordsStripesWordsWithoutTheKey_NextRunFinalizesOnce()
    {
        var (_, tenantId) = await BillingTestData.TenantAsync(ControlPlane);
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, BillingTestData.LastMonth.AddDays(4), 500_000_000);
        Stripe.FailNext("/v1/invoices/*/finalize", BillingTestData.KeyPrefix(tenantId), FakeStripeFailure.CardError);

        await BillingTestData.RunJobAsync(ControlPlane);
        var failed = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        await using (var db = ControlPlane.Db(tenantId))
        {
            Assert.Equal("draft", (await db.Invoices.AsNoTracking().SingleAsync()).Status);
        }

        await BillingTestData.RunJobAsync(ControlPlane);

        Assert.Equal(BillingStatus.Failed, failed.Status);
        Assert.Contains("card_declined", failed.Error, StringComparison.Ordinal);
        Assert.Contains("Your card was declined.", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test", failed.Error, StringComparison.Ordinal);
        var record = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        var customer = (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).StripeCustomerId!;
        Assert.Equal((BillingStatus.Sent, failed.StripeInvoiceId), (record.Status, record.StripeInvoiceId));
        Assert.Equal("open", Assert.Single(Stripe.Invoices(customer))["status"]!.GetValue<string>());
        Assert.Contains(TenantRequests(tenantId), r => r.Method == "GET" && r.Path == $"/v1/invoices/{record.StripeInvoiceId}");
        await using var after = ControlPlane.Db(tenantId);
        Assert.Equal("open", (await after.Invoices.AsNoTracking().SingleAsync()).Status);
    }

    [Fact]
    public async Task Run_MonthUnderHalfACent_RecordedSentAsZero_StripeNotCalled()
    {
        var (_, tenantId) = await BillingTestData.TenantAsync(ControlPlane);

        // $0.004 + 20 % = 0.48 cents: nothing to charge.
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, BillingTestData.LastMonth.AddDays(1).AddHours(5), 4_000_000);

        await BillingTestData.RunJobAsync(ControlPlane);

        var record = await BillingTestData.RecordAsync(ControlPlane, tenantId);
        Assert.Equal((BillingStatus.Sent, 4_000_000L, 0L, null), (record.Status, record.AmountNanoUsd, record.AmountCents, record.StripeInvoiceId));
        Assert.Empty(TenantRequests(tenantId));
        Assert.Null((await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).StripeCustomerId);
    }

    [Fact]
    public async Task Run_TenantOnUnknownPlan_FailsThatTenantOnly_OthersAreBilled()
    {
        var (_, stranded) = await BillingTestData.TenantAsync(ControlPlane);
        var (_, billed) = await BillingTestData.TenantAsync(ControlPlane);
        await BillingTestData.AddUsageAsync(ControlPlane, stranded, BillingTestData.LastMonth.AddDays(6), 1_000_000_000);
        await BillingTestData.AddUsageAsync(ControlPlane, billed, BillingTestData.LastMonth.AddDays(6), 1_000_000_000);
        await SetTenantAsync(stranded, t => t.Plan = "platinum");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BillingTestData.RunJobAsync(ControlPlane));

            Assert.Contains("stripe-billing failed for 1 of", error.Message, StringComparison.Ordinal);
            Assert.Equal(BillingStatus.Sent, (await BillingTestData.RecordAsync(ControlPlane, billed)).Status);
            await using var db = ControlPlane.Db(stranded);
            Assert.Empty(await db.BillingRecords.ToListAsync());
            Assert.Empty(TenantRequests(stranded));
        }
        finally
        {
            // Later runs in this collection would fail on it too.
            await SetTenantAsync(stranded, t => t.Disabled = true);
        }
    }

    private List<FakeStripeRequest> TenantRequests(Guid tenantId) =>
        [.. Stripe.Requests.Where(r => r.IdempotencyKey?.Contains(tenantId.ToString("N"), StringComparison.Ordinal) == true
            || (r.Method == "GET" && Invoices(tenantId).Any(id => r.Path.EndsWith(id, StringComparison.Ordinal))))];

    private List<string> Invoices(Guid tenantId)
    {
        using var db = ControlPlane.Db(tenantId);
        return [.. db.BillingRecords.Where(r => r.StripeInvoiceId != null).Select(r => r.StripeInvoiceId!)];
    }

    private async Task SetTenantAsync(Guid tenantId, Action<Tenant> change)
    {
        await using var db = ControlPlane.Db(null);
        change(await db.Tenants.SingleAsync(t => t.Id == tenantId));
        await db.SaveChangesAsync();
    }

    private static string Unix(DateTime time) => new DateTimeOffset(time).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
