using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/fallback-policies: config-format defaults and rules, references, roles, tenant isolation, ETags.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class FallbackPolicyEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task CreateWithDefaults_ThenUpdate_StoredAsGiven_Audited()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (name, id) = await PolicyApi.PolicyAsync(admin);
        using var read = await admin.GetAsync($"/api/v1/fallback-policies/{id}");
        var defaults = await ControlPlaneFixture.JsonAsync(read);

        using var updated = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/fallback-policies/{id}", new
        {
            name,
            perAttemptTimeoutMs = 5000,
            overallDeadlineMs = 20000,
            maxRetries = 2,
            maxCandidates = 4,
            retryOn = new[] { "timeout", "rate_limited" },
            fallbackOn = new[] { "server_error", "overloaded", "auth" },
            circuitBreaker = new { failureRatio = 0.25, minimumThroughput = 20, samplingSeconds = 60, breakSeconds = 30 },
            degraded = new { mode = "fixedText", text = "Try again later." },
        }, read.Headers.ETag!);
        var view = await ControlPlaneFixture.JsonAsync(updated);

        Assert.Equal((30_000, 10_000, 60_000, 1, 200, 3), (
            defaults.GetProperty("perAttemptTimeoutMs").GetInt32(), defaults.GetProperty("firstTokenTimeoutMs").GetInt32(),
            defaults.GetProperty("overallDeadlineMs").GetInt32(), defaults.GetProperty("maxRetries").GetInt32(),
            defaults.GetProperty("backoffBaseMs").GetInt32(), defaults.GetProperty("maxCandidates").GetInt32()));
        Assert.Equal("none", defaults.GetProperty("degraded").GetProperty("mode").GetString());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("fixedText", view.GetProperty("degraded").GetProperty("mode").GetString());
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var row = await db.FallbackPolicies.SingleAsync(p => p.Id == id);
        Assert.Equal(["timeout", "rate_limited"], row.RetryOn);
        Assert.Equal(["server_error", "overloaded", "auth"], row.FallbackOn);
        Assert.Equal((0.25, 20, 60, 30), (row.BreakerFailureRatio, row.BreakerMinimumThroughput, row.BreakerSamplingSeconds, row.BreakerBreakSeconds));
        Assert.Equal((DegradedMode.FixedText, "Try again later.", 5000, 4), (row.DegradedMode, row.DegradedText, row.PerAttemptTimeoutMs, row.MaxCandidates));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "update");
        Assert.Contains("\"maxRetries\":1", audit.BeforeJson!, StringComparison.Ordinal);
        Assert.Contains("\"maxRetries\":2", audit.AfterJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidInput_400PerFieldInTheConfigFormatsWords()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/fallback-policies", new
        {
            name = PolicyApi.Unique("fp"),
            perAttemptTimeoutMs = 90_000,
            overallDeadlineMs = 60_000,
            maxCandidates = 0,
            retryOn = new[] { "timeot" },
            circuitBreaker = new { failureRatio = 1.5 },
            degraded = new { mode = "fixedText" },
        });
        using var textWithoutFixedText = await admin.PostAsJsonAsync("/api/v1/fallback-policies", new { name = PolicyApi.Unique("fp"), degraded = new { mode = "cachedAnswer", text = "x" } });

        Assert.Contains("overallDeadlineMs", await PolicyApi.FieldErrorAsync(response, "perAttemptTimeoutMs"), StringComparison.Ordinal);
        await PolicyApi.FieldErrorAsync(response, "maxCandidates");
        Assert.Contains("did you mean 'timeout'", await PolicyApi.FieldErrorAsync(response, "retryOn[0]"), StringComparison.Ordinal);
        await PolicyApi.FieldErrorAsync(response, "circuitBreaker.failureRatio");
        Assert.Contains("needs a 'text'", await PolicyApi.FieldErrorAsync(response, "degraded.text"), StringComparison.Ordinal);
        Assert.Contains("only to degraded mode 'fixedText'", await PolicyApi.FieldErrorAsync(textWithoutFixedText, "degraded.text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_WhileARouteUsesIt_409NamingTheRoute_UnusedDelete204()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider);
        var (policy, id) = await PolicyApi.PolicyAsync(admin);
        var route = await PolicyApi.CreateAsync(admin, "/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model } }, fallbackPolicy = policy });

        using var refused = await admin.DeleteAsync($"/api/v1/fallback-policies/{id}");
        var detail = await PolicyApi.ProblemAsync(refused, HttpStatusCode.Conflict);
        await admin.DeleteAsync($"/api/v1/routes/{route.GetProperty("id").GetGuid()}");
        using var deleted = await admin.DeleteAsync($"/api/v1/fallback-policies/{id}");

        Assert.Contains($"routes '{route.GetProperty("name").GetString()}'", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task OtherTenantsPolicy_ReadIs404_WritesAre404_AndTheRowIsUnchanged()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var (name, id) = await PolicyApi.PolicyAsync(globex);
        using var acme = await fixture.SignInAsync("owner");

        using var read = await acme.GetAsync($"/api/v1/fallback-policies/{id}");
        using var update = await acme.PutAsJsonAsync($"/api/v1/fallback-policies/{id}", new { name = "stolen", maxRetries = 9 });
        using var delete = await acme.DeleteAsync($"/api/v1/fallback-policies/{id}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("globex"));
        var row = await db.FallbackPolicies.SingleAsync(p => p.Id == id);
        Assert.Equal((name, 1), (row.Name, row.MaxRetries));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("finance")]
    public async Task Writes_ForbiddenForViewerAndFinance_ReadsAllowed(string role)
    {
        using var admin = await fixture.SignInAsync("admin");
        var (name, id) = await PolicyApi.PolicyAsync(admin);
        using var client = await fixture.SignInAsync(role);

        using var create = await client.PostAsJsonAsync("/api/v1/fallback-policies", new { name = PolicyApi.Unique("fp") });
        using var update = await client.PutAsJsonAsync($"/api/v1/fallback-policies/{id}", new { name, maxRetries = 3 });
        using var delete = await client.DeleteAsync($"/api/v1/fallback-policies/{id}");
        using var list = await client.GetAsync("/api/v1/fallback-policies");
        using var read = await client.GetAsync($"/api/v1/fallback-policies/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_412_ConfigVersionBumpsOnSuccess()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (name, id) = await PolicyApi.PolicyAsync(admin);
        using var read = await admin.GetAsync($"/api/v1/fallback-policies/{id}");
        var before = await PolicyApi.ConfigVersionAsync(fixture, "acme");

        using var first = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/fallback-policies/{id}", new { name, maxRetries = 0 }, read.Headers.ETag!);
        var afterFirst = await PolicyApi.ConfigVersionAsync(fixture, "acme");
        using var stale = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/fallback-policies/{id}", new { name, maxRetries = 5 }, read.Headers.ETag!);
        using var list = await admin.GetAsync($"/api/v1/fallback-policies?name={name}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(afterFirst > before, $"{afterFirst} > {before}");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(0, Assert.Single((await ControlPlaneFixture.JsonAsync(list)).GetProperty("items").EnumerateArray()).GetProperty("maxRetries").GetInt32());
    }
}
