using System.Net.Http.Json;
using System.Text.Json;
using static Platform.ControlPlane.Tests.Jobs.BudgetAlertTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>The embedded default has no SMTP server: an alert is still raised, and its e-mail waits, marked pending, not sent.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class BudgetAlertWithoutSmtpTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Run_NoSmtpServer_AlertRaised_EmailNotMarkedSent_StaysPending()
    {
        var (tenantId, admin) = await TenantAsync(fixture);
        using var _ = admin;
        var budgetId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], emails: [NewEmail()]);
        await SpendAsync(fixture, tenantId, 6m);

        await RunJobAsync(fixture);
        await RunJobAsync(fixture);

        var alert = Assert.Single(await AlertsAsync(fixture, tenantId, budgetId));
        Assert.Null(alert.EmailSentAt);
        Assert.Contains("no SMTP server is configured", alert.LastError, StringComparison.Ordinal);
        var view = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{budgetId}/alerts")).GetProperty("items").EnumerateArray());
        Assert.Equal("pending", view.GetProperty("emailStatus").GetString());
    }
}
