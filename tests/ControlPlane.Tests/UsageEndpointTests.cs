using System.Net;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/usage: filters, trace, aggregates and CSV export read only the caller's tenant's calls.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class UsageEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task List_FiltersByFeatureAndFallback_NewestFirst_OnlyOwnTenant()
    {
        var feature = "f-" + Guid.NewGuid().ToString("N")[..8];
        var (acme, globex) = await SeedAsync(feature);
        using var viewer = await fixture.SignInAsync("viewer");

        using var all = await viewer.GetAsync($"/api/v1/usage?feature={feature}");
        using var fellBack = await viewer.GetAsync($"/api/v1/usage?feature={feature}&fallback=true");
        var items = (await ControlPlaneFixture.JsonAsync(all)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal([acme[2].Id, acme[1].Id, acme[0].Id], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(items, i => globex.Any(g => g.Id == i.GetProperty("id").GetGuid()));
        Assert.Equal(acme[1].Id, Assert.Single((await ControlPlaneFixture.JsonAsync(fellBack)).GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task List_MoreMatchesThanTheCountCap_TotalIsCappedAndFlagged_FailedFilterCountsExactly()
    {
        var feature = "f-" + Guid.NewGuid().ToString("N")[..8];
        var acmeId = await fixture.TenantIdAsync("acme");
        var start = DateTime.UtcNow.AddHours(-1);
        await using (var db = fixture.Db(acmeId))
        {
            db.UsageEvents.AddRange(Enumerable.Range(0, UsageRecordPage.CountCap + 1)
                .Select(i => Call(acmeId, feature, start.AddMilliseconds(i), "primary", 1, fallbacks: 0)));
            var failed = Call(acmeId, feature, start.AddMinutes(5), "primary", 0, fallbacks: 0);
            failed.Status = 502;
            db.UsageEvents.Add(failed);
            await db.SaveChangesAsync();
        }

        using var viewer = await fixture.SignInAsync("viewer");

        using var allResponse = await viewer.GetAsync($"/api/v1/usage?feature={feature}&pageSize=10");
        using var errorsResponse = await viewer.GetAsync($"/api/v1/usage?feature={feature}&failed=true");
        var all = await ControlPlaneFixture.JsonAsync(allResponse);
        var errors = await ControlPlaneFixture.JsonAsync(errorsResponse);

        Assert.Equal((UsageRecordPage.CountCap, true, 10), (all.GetProperty("total").GetInt32(), all.GetProperty("totalIsCapped").GetBoolean(), all.GetProperty("items").GetArrayLength()));
        Assert.Equal((1, false), (errors.GetProperty("total").GetInt32(), errors.GetProperty("totalIsCapped").GetBoolean()));
        Assert.Equal(502, Assert.Single(errors.GetProperty("items").EnumerateArray()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Trace_ShowsEveryAttemptInOrder_OtherTenantsCallIs404()
    {
        var (acme, globex) = await SeedAsync("f-" + Guid.NewGuid().ToString("N")[..8]);
        using var viewer = await fixture.SignInAsync("viewer");

        using var trace = await viewer.GetAsync($"/api/v1/usage/{acme[1].Id}");
        using var foreign = await viewer.GetAsync($"/api/v1/usage/{globex[0].Id}");
        var attempts = (await ControlPlaneFixture.JsonAsync(trace)).GetProperty("attempts").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, trace.StatusCode);
        Assert.Equal(["server_error", null], attempts.Select(a => a.GetProperty("errorClass").GetString()));
        Assert.Equal(["primary", "backup"], attempts.Select(a => a.GetProperty("provider").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Aggregate_ByProvider_SumsCostExactly()
    {
        var feature = "f-" + Guid.NewGuid().ToString("N")[..8];
        var (acme, _) = await SeedAsync(feature);
        using var finance = await fixture.SignInAsync("finance");

        using var response = await finance.GetAsync($"/api/v1/usage/aggregate?by=provider&feature={feature}");
        var rows = (await ControlPlaneFixture.JsonAsync(response)).EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => (Requests: r.GetProperty("requests").GetInt32(), Cost: r.GetProperty("costUsd").GetDecimal()));
        using var bad = await finance.GetAsync("/api/v1/usage/aggregate?by=colour");

        Assert.Equal(2, rows["primary"].Requests);
        Assert.Equal((acme[0].CostNanoUsd + acme[2].CostNanoUsd) / 1_000_000_000m, rows["primary"].Cost);
        Assert.Equal(acme[1].CostNanoUsd / 1_000_000_000m, rows["backup"].Cost);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ExportCsv_OneLinePerCall_TotalsMatch_ViewerRefused()
    {
        var feature = "f-" + Guid.NewGuid().ToString("N")[..8];
        var (acme, _) = await SeedAsync(feature);
        using var finance = await fixture.SignInAsync("finance");
        using var viewer = await fixture.SignInAsync("viewer");

        using var csv = await finance.GetAsync($"/api/v1/usage/export.csv?feature={feature}");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var refused = await viewer.GetAsync($"/api/v1/usage/export.csv?feature={feature}");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var header = lines[0].Split(',');
        var costColumn = Array.IndexOf(header, "costUsd");
        Assert.True(costColumn >= 0, lines[0]);
        Assert.Equal(4, lines.Length);
        var total = lines.Skip(1).Sum(l => decimal.Parse(l.Split(',')[costColumn], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(acme.Sum(e => e.CostNanoUsd) / 1_000_000_000m, total);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>Three acme calls (the middle one fell back from "primary" to "backup") and one globex call, all with <paramref name="feature"/>.</summary>
    private async Task<(List<UsageEvent> Acme, List<UsageEvent> Globex)> SeedAsync(string feature)
    {
        var start = DateTime.UtcNow.AddMinutes(-10);
        var acmeId = await fixture.TenantIdAsync("acme");
        var acme = new List<UsageEvent>
        {
            Call(acmeId, feature, start, "primary", 1_234_567, fallbacks: 0),
            Call(acmeId, feature, start.AddMinutes(1), "backup", 2_000_001, fallbacks: 1),
            Call(acmeId, feature, start.AddMinutes(2), "primary", 333, fallbacks: 0),
        };
        acme[1].Attempts.Add(new UsageAttempt { TenantId = acmeId, UsageEventId = acme[1].Id, Index = 0, Provider = "primary", Model = "m", Status = 503, ErrorClass = "server_error", LatencyMs = 5 });
        acme[1].Attempts.Add(new UsageAttempt { TenantId = acmeId, UsageEventId = acme[1].Id, Index = 1, Provider = "backup", Model = "m", Status = 200, LatencyMs = 9, CostNanoUsd = 2_000_001 });
        await using (var db = fixture.Db(acmeId))
        {
            db.UsageEvents.AddRange(acme);
            await db.SaveChangesAsync();
        }

        var globexId = await fixture.TenantIdAsync("globex");
        var globex = new List<UsageEvent> { Call(globexId, feature, start.AddMinutes(3), "primary", 999, fallbacks: 0) };
        await using (var db = fixture.Db(globexId))
        {
            db.UsageEvents.AddRange(globex);
            await db.SaveChangesAsync();
        }

        return (acme, globex);
    }

    private static UsageEvent Call(Guid tenantId, string feature, DateTime at, string provider, long cost, int fallbacks) => new()
    {
        TenantId = tenantId,
        Endpoint = "chat",
        Feature = feature,
        Provider = provider,
        Model = "m",
        Status = 200,
        StartedAt = at,
        LatencyMs = 10,
        InputTokens = 10,
        OutputTokens = 5,
        CostNanoUsd = cost,
        FallbackCount = fallbacks,
    };
}
