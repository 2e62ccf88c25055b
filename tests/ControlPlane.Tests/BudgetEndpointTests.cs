using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/budgets and their alerts: validation (incl. the tier and key that must exist), ETags, roles, tenant isolation, audit.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class BudgetEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task CreateReadUpdateDelete_StoredInConfigWords_BumpsConfigVersion_Audited()
    {
        using var admin = await fixture.SignInAsync("admin");
        var tenantId = await fixture.TenantIdAsync("acme");
        var versionBefore = await ConfigVersionAsync(tenantId);
        var name = "b-" + Guid.NewGuid().ToString("N")[..8];

        using var created = await admin.PostAsJsonAsync("/api/v1/budgets", new
        {
            name,
            scope = "feature:search",
            period = "custom",
            start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            end = new DateTime(2030, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            limitUsd = 250.5m,
            action = "soft",
            thresholds = new[] { 50, 80, 100 },
            alertEmails = new[] { "ops@acme.test" },
            alertWebhookUrl = "https://hooks.acme.test/budget",
        });
        var body = await ControlPlaneFixture.JsonAsync(created);
        var id = body.GetProperty("id").GetGuid();
        using var read = await admin.GetAsync($"/api/v1/budgets/{id}");
        using var updated = await SendAsync(admin, HttpMethod.Put, $"/api/v1/budgets/{id}", new { name, scope = "key:app", period = "week", limitUsd = 10, action = "hard" }, read.Headers.ETag!);
        using var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/budgets/{id}", new { name, limitUsd = 11 }, read.Headers.ETag!);
        using var list = await admin.GetAsync($"/api/v1/budgets?scope=key&name={name}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("feature:search", "custom", "soft"), (body.GetProperty("scope").GetString(), body.GetProperty("period").GetString(), body.GetProperty("action").GetString()));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("key:app", Assert.Single((await ControlPlaneFixture.JsonAsync(list)).GetProperty("items").EnumerateArray()).GetProperty("scope").GetString());
        await using (var db = fixture.Db(tenantId))
        {
            var row = await db.Budgets.SingleAsync(b => b.Id == id);
            Assert.Equal((BudgetScope.ApiKey, "app", BudgetPeriod.Week, 10m, (DateTime?)null), (row.Scope, row.ScopeValue, row.Period, row.LimitUsd, row.CustomStart));
            var update = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "update");
            Assert.Contains("\"limitUsd\":250.5", update.BeforeJson!, StringComparison.Ordinal);
            Assert.Contains("\"limitUsd\":10", update.AfterJson!, StringComparison.Ordinal);
        }

        Assert.True(await ConfigVersionAsync(tenantId) >= versionBefore + 2);

        using var deleted = await admin.DeleteAsync($"/api/v1/budgets/{id}");
        using var gone = await admin.GetAsync($"/api/v1/budgets/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Downgrade_WithoutTier_400_UnknownTier_400_ExistingTier_201()
    {
        using var admin = await fixture.SignInAsync("admin");
        var tier = "cheap-" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = fixture.Db(await fixture.TenantIdAsync("acme")))
        {
            db.Tiers.Add(new Tier { Name = tier });
            await db.SaveChangesAsync();
        }

        using var noTier = await admin.PostAsJsonAsync("/api/v1/budgets", Budget(action: "downgrade"));
        using var unknownTier = await admin.PostAsJsonAsync("/api/v1/budgets", Budget(action: "downgrade", downgradeTier: "no-such-tier"));
        using var good = await admin.PostAsJsonAsync("/api/v1/budgets", Budget(action: "downgrade", downgradeTier: tier));

        Assert.Equal(HttpStatusCode.BadRequest, noTier.StatusCode);
        Assert.True((await ControlPlaneFixture.JsonAsync(noTier)).GetProperty("errors").TryGetProperty("downgradeTier", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownTier.StatusCode);
        Assert.Contains("no-such-tier", (await ControlPlaneFixture.JsonAsync(unknownTier)).GetProperty("errors").GetProperty("downgradeTier")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }

    [Theory]
    [InlineData("scope", "team:x", null, null)]
    [InlineData("scope", "key:no-such-key", null, null)]
    [InlineData("period", "fortnight", null, null)]
    [InlineData("start", "custom", null, "2030-02-01T00:00:00Z")]
    [InlineData("end", "custom", "2030-02-01T00:00:00Z", "2030-01-01T00:00:00Z")]
    [InlineData("start", "month", "2030-02-01T00:00:00Z", null)]
    public async Task Create_Invalid_400NamingTheField(string field, string value, string? start, string? end)
    {
        using var admin = await fixture.SignInAsync("admin");
        var body = field == "scope"
            ? Budget(scope: value)
            : Budget(period: value, start: start is null ? null : DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
                end: end is null ? null : DateTime.Parse(end, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        using var response = await admin.PostAsJsonAsync("/api/v1/budgets", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ControlPlaneFixture.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_BadLimitThresholdsEmailsWebhook_400PerField()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/budgets", new
        {
            name = "bad name!",
            limitUsd = 0,
            thresholds = new[] { 50, 50, 2000 },
            alertEmails = new[] { "not-an-email" },
            alertWebhookUrl = "ftp://x",
        });
        var errors = (await ControlPlaneFixture.JsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[] { "name", "limitUsd", "thresholds", "thresholds[2]", "alertEmails[0]", "alertWebhookUrl" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " in " + errors);
        }
    }

    [Fact]
    public async Task Alerts_ListTheBudgetsCrossedThresholds_NewestFirst()
    {
        using var admin = await fixture.SignInAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/budgets", Budget());
        var id = (await ControlPlaneFixture.JsonAsync(created)).GetProperty("id").GetGuid();
        await using (var db = fixture.Db(await fixture.TenantIdAsync("acme")))
        {
            var period = new DateTime(2030, 3, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Alerts.Add(new Alert { BudgetId = id, PeriodStart = period, ThresholdPercent = 50, SpentNanoUsd = 5_500_000_000, EmailSentAt = period.AddDays(3) });
            db.Alerts.Add(new Alert { BudgetId = id, PeriodStart = period, ThresholdPercent = 80, SpentNanoUsd = 8_100_000_000 });
            await db.SaveChangesAsync();
        }

        using var response = await admin.GetAsync($"/api/v1/budgets/{id}/alerts");
        var items = (await ControlPlaneFixture.JsonAsync(response)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([80, 50], items.Select(a => a.GetProperty("thresholdPercent").GetInt32()));
        Assert.Equal(8.1m, items[0].GetProperty("spentUsd").GetDecimal());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, items[1].GetProperty("emailSentAt").ValueKind);
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("viewer")]
    public async Task Writes_ForbiddenForFinanceAndViewer_ReadsAllowed(string role)
    {
        using var admin = await fixture.SignInAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/budgets", Budget());
        var id = (await ControlPlaneFixture.JsonAsync(created)).GetProperty("id").GetGuid();
        using var client = await fixture.SignInAsync(role);

        using var create = await client.PostAsJsonAsync("/api/v1/budgets", Budget());
        using var update = await client.PutAsJsonAsync($"/api/v1/budgets/{id}", Budget(limitUsd: 1));
        using var delete = await client.DeleteAsync($"/api/v1/budgets/{id}");
        using var read = await client.GetAsync($"/api/v1/budgets/{id}");
        using var alerts = await client.GetAsync($"/api/v1/budgets/{id}/alerts");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { create.StatusCode, update.StatusCode, delete.StatusCode });
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], new[] { read.StatusCode, alerts.StatusCode });
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.Equal(100m, (await db.Budgets.SingleAsync(b => b.Id == id)).LimitUsd);
    }

    [Fact]
    public async Task OtherTenantsBudget_ReadsAndWritesAre404_AndTheRowIsUnchanged()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        using var created = await globex.PostAsJsonAsync("/api/v1/budgets", Budget());
        var id = (await ControlPlaneFixture.JsonAsync(created)).GetProperty("id").GetGuid();
        using var acme = await fixture.SignInAsync("owner");

        using var read = await acme.GetAsync($"/api/v1/budgets/{id}");
        using var alerts = await acme.GetAsync($"/api/v1/budgets/{id}/alerts");
        using var update = await acme.PutAsJsonAsync($"/api/v1/budgets/{id}", Budget(limitUsd: 1));
        using var delete = await acme.DeleteAsync($"/api/v1/budgets/{id}");
        using var list = await acme.GetAsync("/api/v1/budgets?pageSize=200");

        Assert.All(new[] { read, alerts, update, delete }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain(id.ToString(), await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = fixture.Db(await fixture.TenantIdAsync("globex"));
        Assert.Equal(100m, (await db.Budgets.SingleAsync(b => b.Id == id)).LimitUsd);
    }

    private static object Budget(
        string scope = "tenant", string period = "month", DateTime? start = null, DateTime? end = null,
        decimal limitUsd = 100, string action = "hard", string? downgradeTier = null) =>
        new { name = "b-" + Guid.NewGuid().ToString("N")[..8], scope, period, start, end, limitUsd, action, downgradeTier, thresholds = new[] { 80, 100 } };

    private async Task<long> ConfigVersionAsync(Guid tenantId)
    {
        await using var db = fixture.Db(null);
        return await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.ConfigVersion).SingleAsync();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, EntityTagHeaderValue ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return client.SendAsync(request);
    }
}
