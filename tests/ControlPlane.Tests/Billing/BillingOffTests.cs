using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Platform.ControlPlane.Tests.Billing;

/// <summary>The embedded default has no Stripe key: billing is off, and the job leaves everything as it was.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class BillingOffTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Run_WithoutApiKey_RecordsNothing_ApiSaysDisabled()
    {
        var (slug, tenantId) = await BillingTestData.TenantAsync(fixture);
        await BillingTestData.AddUsageAsync(fixture, tenantId, BillingTestData.LastMonth.AddDays(3), 5_000_000_000);

        await BillingTestData.RunJobAsync(fixture);
        using var owner = await fixture.SignInAsync("owner", slug);
        using var billing = await owner.GetAsync("/api/v1/billing");

        await using var db = fixture.Db(tenantId);
        Assert.Empty(await db.BillingRecords.ToListAsync());
        Assert.Equal(HttpStatusCode.OK, billing.StatusCode);
        Assert.False((await ControlPlaneFixture.JsonAsync(billing)).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Webhook_WithoutSecret_404ProblemDetails()
    {
        using var client = fixture.NewClient();
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        content.Headers.Add("Stripe-Signature", "t=1,v1=00");

        using var response = await client.PostAsync("/api/v1/billing/stripe/webhook", content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
