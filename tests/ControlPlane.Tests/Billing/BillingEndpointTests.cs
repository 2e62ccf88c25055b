using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Platform.ControlPlane.Tests.Billing;

/// <summary>/api/v1/billing: owners and finance read their own tenant's billing; operators set plans.</summary>
[Collection(StripeCollection.Name)]
public sealed class BillingEndpointTests(StripeFixture fixture)
{
    private static readonly string[] ReadPaths = ["/api/v1/billing", "/api/v1/billing/invoices", "/api/v1/billing/records"];

    private ControlPlaneFixture ControlPlane => fixture.ControlPlane;

    [Theory]
    [InlineData("owner", HttpStatusCode.OK)]
    [InlineData("finance", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task Read_ByRole_OwnerAndFinanceOnly(string role, HttpStatusCode expected)
    {
        var slug = await TestTenants.CreateAsync(ControlPlane);
        using var client = await ControlPlane.SignInAsync(role, slug);

        foreach (var path in ReadPaths)
        {
            using var response = await client.GetAsync(path);
            Assert.True(expected == response.StatusCode, $"{role} GET {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Read_AfterARun_FinanceSeesInvoiceRunAndThisMonthsEstimate_OtherTenantSeesNone()
    {
        var (slug, tenantId) = await BillingTestData.TenantAsync(ControlPlane);
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, BillingTestData.LastMonth.AddDays(10), 10_287_500_000);
        await BillingTestData.RunJobAsync(ControlPlane);
        await BillingTestData.AddUsageAsync(ControlPlane, tenantId, DateTime.UtcNow.AddMinutes(-1), 1_000_000_000, 250_000_000);
        var other = await TestTenants.CreateAsync(ControlPlane);
        using var finance = await ControlPlane.SignInAsync("finance", slug);
        using var otherFinance = await ControlPlane.SignInAsync("finance", other);

        using var billingResponse = await finance.GetAsync("/api/v1/billing");
        using var invoicesResponse = await finance.GetAsync("/api/v1/billing/invoices");
        using var recordsResponse = await finance.GetAsync("/api/v1/billing/records");
        using var otherInvoices = await otherFinance.GetAsync("/api/v1/billing/invoices");
        var billing = await ControlPlaneFixture.JsonAsync(billingResponse);
        var invoice = Assert.Single((await ControlPlaneFixture.JsonAsync(invoicesResponse)).GetProperty("items").EnumerateArray());
        var record = Assert.Single((await ControlPlaneFixture.JsonAsync(recordsResponse)).GetProperty("items").EnumerateArray());

        var customer = (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).StripeCustomerId;
        Assert.Equal((true, "standard", 20m, "active", customer),
            (billing.GetProperty("enabled").GetBoolean(), billing.GetProperty("plan").GetString(), billing.GetProperty("markupPercent").GetDecimal(),
             billing.GetProperty("billingStatus").GetString(), billing.GetProperty("stripeCustomerId").GetString()));
        Assert.Equal((1.25m, 1.50m), (billing.GetProperty("usageUsd").GetDecimal(), billing.GetProperty("estimatedChargeUsd").GetDecimal()));
        Assert.Equal(("open", 12.35m, 0m), (invoice.GetProperty("status").GetString(), invoice.GetProperty("amountDueUsd").GetDecimal(), invoice.GetProperty("amountPaidUsd").GetDecimal()));
        Assert.StartsWith("FAKE-", invoice.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(("sent", 10.2875m, 12.35m), (record.GetProperty("status").GetString(), record.GetProperty("usageUsd").GetDecimal(), record.GetProperty("amountUsd").GetDecimal()));
        Assert.Equal(invoice.GetProperty("stripeInvoiceId").GetString(), record.GetProperty("stripeInvoiceId").GetString());
        Assert.Equal(HttpStatusCode.OK, otherInvoices.StatusCode);
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(otherInvoices)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SetPlan_ByOperator_ChangesMarkupAndIsAudited_UnknownPlan400_Owner403()
    {
        var (slug, tenantId) = await BillingTestData.TenantAsync(ControlPlane);
        var domain = await TestUsers.CreateOperatorAsync(ControlPlane);
        using var operatorClient = await ControlPlane.SignInAsync("operator", domain);
        using var owner = await ControlPlane.SignInAsync("owner", slug);

        using var changed = await operatorClient.PutAsJsonAsync($"/api/v1/tenants/{tenantId}/plan", new { plan = "enterprise" });
        using var unknown = await operatorClient.PutAsJsonAsync($"/api/v1/tenants/{tenantId}/plan", new { plan = "platinum" });
        using var malformed = await operatorClient.PutAsJsonAsync($"/api/v1/tenants/{tenantId}/plan", new { plan = "" });
        using var missing = await operatorClient.PutAsJsonAsync($"/api/v1/tenants/{Guid.NewGuid()}/plan", new { plan = "standard" });
        using var refused = await owner.PutAsJsonAsync($"/api/v1/tenants/{tenantId}/plan", new { plan = "standard" });
        using var billing = await owner.GetAsync("/api/v1/billing");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("enterprise, standard", (await ControlPlaneFixture.JsonAsync(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(("enterprise", 10m), ((await ControlPlaneFixture.JsonAsync(billing)).GetProperty("plan").GetString(),
            (await ControlPlaneFixture.JsonAsync(billing)).GetProperty("markupPercent").GetDecimal()));
        Assert.Equal("enterprise", (await BillingTestData.TenantRowAsync(ControlPlane, tenantId)).Plan);
        await using var db = ControlPlane.Db(tenantId);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "tenant_plan");
        Assert.Equal(("update", $"user:operator@{domain}.test"), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task OpenApi_DescribesTheBillingEndpoints()
    {
        using var client = ControlPlane.NewClient();

        using var response = await client.GetAsync("/api/v1/openapi.json");
        var document = await ControlPlaneFixture.JsonAsync(response);
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var path in ReadPaths.Append("/api/v1/billing/stripe/webhook").Append("/api/v1/tenants/{tenantId}/plan"))
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        foreach (var schema in new[] { "BillingView", "InvoiceView", "BillingRecordView", "StripeWebhookResult", "TenantPlanInput", "TenantPlanView" })
        {
            Assert.True(schemas.TryGetProperty(schema, out _), schema);
        }
    }
}
