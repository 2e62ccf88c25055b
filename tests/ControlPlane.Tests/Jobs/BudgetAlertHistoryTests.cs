using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;
using static Platform.ControlPlane.Tests.Jobs.BudgetAlertTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>The alert history in the API (<c>/api/v1/alerts</c>, <c>/budgets/{id}/alerts</c>) after real runs of the job.</summary>
[Collection(MailCollection.Name)]
public sealed class BudgetAlertHistoryTests(MailFixture mail)
{
    private ControlPlaneFixture Fixture => mail.ControlPlane;

    [Fact]
    public async Task Alerts_ShowEachDelivery_NewestFirst_FilteredByBudgetAndTime_PastPeriodsGivenUp()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        using var receiver = WebhookReceiver.Start();
        var (both, mailOnly) = (NewEmail(), NewEmail());
        var start = ThisHour.AddHours(-1);
        var full = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50, 80], emails: [both], webhookUrl: receiver.Url, start: start);
        var quiet = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], emails: [mailOnly], start: start);
        await using (var db = Fixture.Db(tenantId))
        {
            // Crossed last period and never delivered: past its period it is given up, not sent now.
            db.Alerts.Add(new Alert { BudgetId = quiet, PeriodStart = start.AddDays(-30), ThresholdPercent = 50, SpentNanoUsd = 7_000_000_000, LimitNanoUsd = 10_000_000_000 });
            await db.SaveChangesAsync();
        }

        await SpendAsync(Fixture, tenantId, 8.5m);
        await RunJobAsync(Fixture);
        var ranAt = DateTime.UtcNow;

        var all = await ItemsAsync(admin, "/api/v1/alerts");
        var ofFull = await ItemsAsync(admin, $"/api/v1/alerts?budgetId={full}");
        var later = await ItemsAsync(admin, $"/api/v1/alerts?from={ranAt:O}");
        var earlier = await ItemsAsync(admin, $"/api/v1/alerts?to={ranAt:O}&pageSize=2&page=2");
        var ofBudget = await ItemsAsync(admin, $"/api/v1/budgets/{full}/alerts");
        using var reversed = await admin.GetAsync($"/api/v1/alerts?from={ranAt:O}&to={ranAt.AddDays(-1):O}");
        using var malformed = await admin.GetAsync("/api/v1/alerts?from=yesterday");

        Assert.Equal(4, all.Count);
        var created = all.Select(a => a.GetProperty("createdAt").GetDateTime()).ToList();
        Assert.Equal(created.OrderDescending(), created);
        var past = all[^1];
        Assert.Equal((quiet, "failed", "none"), (past.GetProperty("budgetId").GetGuid(), past.GetProperty("emailStatus").GetString(), past.GetProperty("webhookStatus").GetString()));
        Assert.Equal([80, 50], ofFull.Select(a => a.GetProperty("thresholdPercent").GetInt32()));
        Assert.Empty(later);
        Assert.Equal(2, earlier.Count);
        var eighty = ofFull[0];
        Assert.Equal(("sent", "sent", 1), (eighty.GetProperty("emailStatus").GetString(), eighty.GetProperty("webhookStatus").GetString(), eighty.GetProperty("webhookAttempts").GetInt32()));
        Assert.Equal((8.5m, 10m), (eighty.GetProperty("spentUsd").GetDecimal(), eighty.GetProperty("limitUsd").GetDecimal()));
        Assert.NotEqual(JsonValueKind.Null, eighty.GetProperty("forecastRunOutAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, eighty.GetProperty("emailSentAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, eighty.GetProperty("webhookSentAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, eighty.GetProperty("lastError").ValueKind);
        Assert.False(string.IsNullOrEmpty(eighty.GetProperty("budgetName").GetString()));
        Assert.Equal(ofFull.Select(a => a.ToString()), ofBudget.Select(a => a.ToString()));
        var quietNow = Assert.Single(all, a => a.GetProperty("budgetId").GetGuid() == quiet && a.GetProperty("periodStart").GetDateTime().ToUniversalTime() == start);
        Assert.Equal(("sent", "none"), (quietNow.GetProperty("emailStatus").GetString(), quietNow.GetProperty("webhookStatus").GetString()));
        Assert.Single(await SettledMailsAsync(Fixture, mail.Mail, mailOnly));
        Assert.Equal(2, (await SettledMailsAsync(Fixture, mail.Mail, both)).Count);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("application/problem+json", reversed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Alerts_OtherTenantsAlerts_NeverListed_ViewerMayRead()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        var budgetId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50]);
        await SpendAsync(Fixture, tenantId, 6m);
        await RunJobAsync(Fixture);
        var (otherTenant, other) = await TenantAsync(Fixture);
        using var __ = other;
        using var viewer = await Fixture.SignInAsync("viewer", await SlugAsync(tenantId));

        var own = await ItemsAsync(viewer, "/api/v1/alerts");
        var foreign = await ItemsAsync(other, $"/api/v1/alerts?budgetId={budgetId}");
        var foreignAll = await ItemsAsync(other, "/api/v1/alerts");
        using var foreignBudget = await other.GetAsync($"/api/v1/budgets/{budgetId}/alerts");

        Assert.Equal(budgetId, Assert.Single(own).GetProperty("budgetId").GetGuid());
        Assert.Empty(foreign);
        Assert.Empty(foreignAll);
        Assert.Equal(HttpStatusCode.NotFound, foreignBudget.StatusCode);
        Assert.NotEqual(tenantId, otherTenant);
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return [.. (await ControlPlaneFixture.JsonAsync(response)).GetProperty("items").EnumerateArray()];
    }

    private async Task<string> SlugAsync(Guid tenantId)
    {
        await using var db = Fixture.Db(null);
        return await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Slug).SingleAsync();
    }
}
