using System.Globalization;
using System.Net;
using Platform.ControlPlane.Jobs.Rollups;
using Platform.Shared.Domain;
using static Platform.ControlPlane.Tests.Jobs.RollupsTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>
/// <c>GET /api/v1/finance/spend</c>: CSV and JSON totals equal the usage recorded in the period
/// (rolled up or not yet), only the caller's tenant, roles, and a 400 for every bad period.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class FinanceExportTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Spend_CsvAndJson_TotalsEqualTheUsageOfThePeriod_RolledUpOrNot()
    {
        var (slug, tenantId) = await NewTenantAsync(fixture);
        var (_, otherTenantId) = await NewTenantAsync(fixture);
        var (from, to) = (HoursAgo(48), HoursAgo(1));
        var rolled = new List<UsageEvent>
        {
            Call(tenantId, from, 1_234_567_891, feature: "search"),
            Call(tenantId, from.AddHours(20).AddMinutes(5), 7, feature: "search", status: 500),
            Call(tenantId, from.AddHours(30), 20_000_000_001, feature: null),
        };
        var fresh = new List<UsageEvent>
        {
            Call(tenantId, to.AddMinutes(-1), 333_333_333, feature: "summarize"),
            Call(tenantId, from.AddHours(20).AddMinutes(50), 1, feature: "search"),
        };
        var outside = new List<UsageEvent>
        {
            Call(tenantId, from.AddMinutes(-1), 5_000_000_000, feature: "search"),
            Call(tenantId, to, 6_000_000_000, feature: "search"),
        };
        await InsertAsync(fixture, tenantId, rolled.Concat(outside));
        await InsertAsync(fixture, otherTenantId, [Call(otherTenantId, from.AddHours(2), 8_000_000_000, feature: "search")]);
        await RunAsync<UsageRollupJob>(fixture);
        await InsertAsync(fixture, tenantId, fresh);
        using var finance = await fixture.SignInAsync("finance", slug);
        var query = $"from={from:yyyy-MM-ddTHH:mm:ssZ}&to={to:yyyy-MM-ddTHH:mm:ssZ}";

        using var csvResponse = await finance.GetAsync($"/api/v1/finance/spend?{query}&format=csv");
        using var jsonResponse = await finance.GetAsync($"/api/v1/finance/spend?{query}&by=feature&format=json");

        var inPeriod = rolled.Concat(fresh).ToList();
        var expected = inPeriod.GroupBy(e => e.Feature ?? "").ToDictionary(g => g.Key, g => (Requests: g.LongCount(), Cost: g.Sum(e => e.CostNanoUsd)));
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = Csv(await csvResponse.Content.ReadAsStringAsync());
        Assert.Equal(["row", "feature", "periodStart", "periodEnd", "requests", "errors", "inputTokens", "outputTokens", "cachedTokens", "costUsd", "costNanoUsd"], csv.Header);
        var groups = csv.Rows.Where(r => r["row"] == "group").ToDictionary(r => r["feature"]);
        var total = Assert.Single(csv.Rows, r => r["row"] == "total");
        Assert.Equal(expected.Keys.Order(), groups.Keys.Order());
        foreach (var (feature, (requests, cost)) in expected)
        {
            Assert.Equal(requests.ToString(CultureInfo.InvariantCulture), groups[feature]["requests"]);
            Assert.Equal(cost.ToString(CultureInfo.InvariantCulture), groups[feature]["costNanoUsd"]);
            Assert.Equal(cost / 1_000_000_000m, decimal.Parse(groups[feature]["costUsd"], CultureInfo.InvariantCulture));
        }

        Assert.Equal(inPeriod.Sum(e => e.CostNanoUsd).ToString(CultureInfo.InvariantCulture), total["costNanoUsd"]);
        Assert.Equal("21.567901233", total["costUsd"]);
        Assert.Equal(inPeriod.Sum(e => (long)e.InputTokens).ToString(CultureInfo.InvariantCulture), total["inputTokens"]);
        Assert.Equal("1", total["errors"]);
        Assert.Equal(inPeriod.Count.ToString(CultureInfo.InvariantCulture), total["requests"]);

        Assert.Equal(HttpStatusCode.OK, jsonResponse.StatusCode);
        var json = await ControlPlaneFixture.JsonAsync(jsonResponse);
        Assert.Equal("feature", json.GetProperty("by").GetString());
        Assert.Equal(inPeriod.Sum(e => e.CostNanoUsd), json.GetProperty("total").GetProperty("costNanoUsd").GetInt64());
        Assert.Equal(21.567901233m, json.GetProperty("total").GetProperty("costUsd").GetDecimal());
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value.Cost)),
            json.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("key").GetString()!, l.GetProperty("costNanoUsd").GetInt64())).OrderBy(l => l.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Spend_ByKey_OneRowPerKeyWithItsName()
    {
        var (slug, tenantId) = await NewTenantAsync(fixture);
        var key = new ApiKey { TenantId = tenantId, Name = "billing-app", Prefix = "plt_test", Hash = new string('a', 64) };
        await using (var db = fixture.Db(tenantId))
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        }

        var (from, to) = (HoursAgo(5), HoursAgo(0));
        await InsertAsync(fixture, tenantId, [Call(tenantId, from.AddMinutes(1), 400, apiKeyId: key.Id), Call(tenantId, from.AddMinutes(2), 50, apiKeyId: null)]);
        using var owner = await fixture.SignInAsync("owner", slug);

        using var response = await owner.GetAsync($"/api/v1/finance/spend?from={from:yyyy-MM-ddTHH:mm:ssZ}&to={to:yyyy-MM-ddTHH:mm:ssZ}&by=key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["row", "apiKeyId", "apiKeyName"], csv.Header.Take(3));
        var keyed = Assert.Single(csv.Rows, r => r["apiKeyId"] == key.Id.ToString());
        Assert.Equal(("billing-app", "400"), (keyed["apiKeyName"], keyed["costNanoUsd"]));
        Assert.Equal("50", Assert.Single(csv.Rows, r => r["row"] == "group" && r["apiKeyId"] == "")["costNanoUsd"]);
    }

    [Fact]
    public async Task SpendCsv_GroupValueAFormula_EscapedAsText()
    {
        var (slug, tenantId) = await NewTenantAsync(fixture);
        var (from, to) = (HoursAgo(3), HoursAgo(0));
        await InsertAsync(fixture, tenantId, [Call(tenantId, from.AddMinutes(1), 10, feature: "=HYPERLINK(1)")]);
        using var finance = await fixture.SignInAsync("finance", slug);

        using var response = await finance.GetAsync($"/api/v1/finance/spend?from={from:yyyy-MM-ddTHH:mm:ssZ}&to={to:yyyy-MM-ddTHH:mm:ssZ}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("'=HYPERLINK(1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    [InlineData("finance", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("owner", HttpStatusCode.OK)]
    public async Task Spend_Role_ExportPermissionNeeded(string role, HttpStatusCode expected)
    {
        using var client = await fixture.SignInAsync(role);

        using var response = await client.GetAsync("/api/v1/finance/spend?from=2025-01-01&to=2025-02-01&format=json");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Spend_NotSignedIn_401()
    {
        using var client = fixture.NewClient();

        using var response = await client.GetAsync("/api/v1/finance/spend?from=2025-01-01&to=2025-02-01");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("from=2025-01-01", "to")]
    [InlineData("from=2025-01-01&to=2025-01-01", "to")]
    [InlineData("from=2025-01-02&to=2025-01-01", "to")]
    [InlineData("from=2025-01-01T10:30:00Z&to=2025-01-02", "from")]
    [InlineData("from=2025-01-01&to=2025-01-02T00:00:01Z", "to")]
    [InlineData("from=2024-01-01&to=2025-03-01", "to")]
    [InlineData("from=yesterday&to=2025-01-01", "from")]
    [InlineData("from=2025-01-01&to=2025-01-02&by=colour", "by")]
    [InlineData("from=2025-01-01&to=2025-01-02&format=xml", "format")]
    public async Task Spend_BadQuery_400ProblemNamingTheField(string query, string field)
    {
        using var finance = await fixture.SignInAsync("finance");

        using var response = await finance.GetAsync($"/api/v1/finance/spend?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ControlPlaneFixture.JsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheExportWithItsSchema()
    {
        using var client = fixture.NewClient();

        using var response = await client.GetAsync("/api/v1/openapi.json");

        var document = await ControlPlaneFixture.JsonAsync(response);
        var content = document.GetProperty("paths").GetProperty("/api/v1/finance/spend").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out var json), content.ToString());
        Assert.True(content.TryGetProperty("text/csv", out _), content.ToString());
        var schema = json.GetProperty("schema").GetProperty("$ref").GetString()!;
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty(schema.Split('/')[^1]).GetProperty("properties");
        Assert.True(properties.TryGetProperty("total", out _), properties.ToString());
    }

    /// <summary>The export's rows by column name; the tests' values hold no commas or quotes.</summary>
    private static (string[] Header, List<Dictionary<string, string>> Rows) Csv(string text)
    {
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return (header, [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))]);
    }
}
