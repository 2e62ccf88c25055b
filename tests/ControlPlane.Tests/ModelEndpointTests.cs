using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/models: catalog CRUD, price history, filters, references, route constraints, roles, tenant isolation, ETags.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class ModelEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task CreateReadList_DefaultsFromTheName_FiltersByProviderCapabilityEnabled()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, providerId) = await PolicyApi.ProviderAsync(admin, region: "eu-west-1");
        var embed = provider + "/embed";
        await PolicyApi.CreateAsync(admin, "/api/v1/models", new
        {
            name = embed, contextWindow = 8192, capabilities = new[] { "embeddings" }, prices = new { input = 0.02m, output = 0m }, enabled = false,
        });
        var (chat, chatId) = await PolicyApi.ModelAsync(admin, provider);

        using var read = await admin.GetAsync($"/api/v1/models/{chatId}");
        var view = await ControlPlaneFixture.JsonAsync(read);
        using var byProvider = await admin.GetAsync($"/api/v1/models?provider={provider}");
        using var byCapability = await admin.GetAsync($"/api/v1/models?provider={provider}&capability=embeddings");
        using var enabledOnly = await admin.GetAsync($"/api/v1/models?provider={provider}&enabled=true");
        using var unknownCapability = await admin.GetAsync("/api/v1/models?capability=telepathy");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        Assert.Equal((provider, providerId), (view.GetProperty("provider").GetString(), view.GetProperty("providerId").GetGuid()));
        Assert.Equal(chat[(provider.Length + 1)..], view.GetProperty("upstreamId").GetString());
        Assert.Equal(["streaming", "tools"], view.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1m, view.GetProperty("prices").GetProperty("cachedInput").GetDecimal());
        Assert.Equal(2, (await ControlPlaneFixture.JsonAsync(byProvider)).GetProperty("total").GetInt32());
        Assert.Equal(embed, Assert.Single((await ControlPlaneFixture.JsonAsync(byCapability)).GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(chat, Assert.Single((await ControlPlaneFixture.JsonAsync(enabledOnly)).GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownCapability.StatusCode);
    }

    [Fact]
    public async Task PriceChange_AppendsAHistoryRow_OldPriceKept_UnchangedPricesAddNone()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (name, id) = await PolicyApi.ModelAsync(admin, provider);

        using var repriced = await admin.PutAsJsonAsync($"/api/v1/models/{id}", PolicyApi.ModelBody(name, input: 3m, output: 4m));
        using var otherField = await admin.PutAsJsonAsync($"/api/v1/models/{id}", PolicyApi.ModelBody(name, region: "us", input: 3m, output: 4m));
        using var history = await admin.GetAsync($"/api/v1/models/{id}/prices");
        var rows = (await ControlPlaneFixture.JsonAsync(history)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, repriced.StatusCode);
        Assert.Equal(3m, (await ControlPlaneFixture.JsonAsync(repriced)).GetProperty("prices").GetProperty("input").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, otherField.StatusCode);
        Assert.Equal(2, rows.Count);
        Assert.Equal((3m, 4m, 3m), (rows[0].GetProperty("input").GetDecimal(), rows[0].GetProperty("output").GetDecimal(), rows[0].GetProperty("cachedInput").GetDecimal()));
        Assert.Equal((1m, 2m), (rows[1].GetProperty("input").GetDecimal(), rows[1].GetProperty("output").GetDecimal()));
        Assert.True(rows[0].GetProperty("effectiveFrom").GetDateTime() >= rows[1].GetProperty("effectiveFrom").GetDateTime());
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var stored = await db.ModelPrices.Where(p => p.ModelId == id).ToListAsync();
        Assert.Equal([1m, 3m], stored.Select(p => p.InputPricePerMillion).Order());
    }

    [Fact]
    public async Task Create_UnknownProvider_400NamingTheField()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var byName = await admin.PostAsJsonAsync("/api/v1/models", PolicyApi.ModelBody("nobody-" + Guid.NewGuid().ToString("N")[..6] + "/m"));

        Assert.Contains("unknown provider", await PolicyApi.FieldErrorAsync(byName, "name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidInput_400PerField()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/models", new
        {
            name = "no-slash", contextWindow = 100, maxOutputTokens = 200, capabilities = new[] { "tools", "stremaing" },
        });
        using var mismatch = await admin.PostAsJsonAsync("/api/v1/models", new
        {
            name = "a/b", provider = "c", contextWindow = 100, prices = new { input = -1, output = 1 },
        });

        Assert.Contains("'<provider>/<model>'", await PolicyApi.FieldErrorAsync(response, "name"), StringComparison.Ordinal);
        Assert.Contains("cannot exceed", await PolicyApi.FieldErrorAsync(response, "maxOutputTokens"), StringComparison.Ordinal);
        Assert.Contains("did you mean 'streaming'", await PolicyApi.FieldErrorAsync(response, "capabilities[1]"), StringComparison.Ordinal);
        Assert.Contains("required", await PolicyApi.FieldErrorAsync(response, "prices"), StringComparison.Ordinal);
        Assert.Contains("'c/b'", await PolicyApi.FieldErrorAsync(mismatch, "provider"), StringComparison.Ordinal);
        await PolicyApi.FieldErrorAsync(mismatch, "prices.input");
    }

    [Fact]
    public async Task Delete_WhileTiersRoutesOrKeysUseIt_409NamingThem_UnusedDelete204WithItsHistory()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, id) = await PolicyApi.ModelAsync(admin, provider);
        var (tier, tierId) = await PolicyApi.TierAsync(admin, model);
        var (route, routeId) = await PolicyApi.RouteAsync(admin, new { }, model);
        var key = await PolicyApi.CreateAsync(admin, "/api/v1/keys", new { name = PolicyApi.Unique("k"), models = new[] { model } });

        using var refused = await admin.DeleteAsync($"/api/v1/models/{id}");
        var detail = await PolicyApi.ProblemAsync(refused, HttpStatusCode.Conflict);
        using var rename = await admin.PutAsJsonAsync($"/api/v1/models/{id}", PolicyApi.ModelBody(model + "-v2"));
        var renameDetail = await PolicyApi.ProblemAsync(rename, HttpStatusCode.Conflict);
        await admin.DeleteAsync($"/api/v1/routes/{routeId}");
        await admin.DeleteAsync($"/api/v1/tiers/{tierId}");
        await admin.PostAsync($"/api/v1/keys/{key.GetProperty("key").GetProperty("id").GetGuid()}/revoke", null);
        using var deleted = await admin.DeleteAsync($"/api/v1/models/{id}");

        Assert.Contains($"tiers '{tier}'", detail, StringComparison.Ordinal);
        Assert.Contains($"routes '{route}'", detail, StringComparison.Ordinal);
        Assert.Contains("API keys", detail, StringComparison.Ordinal);
        Assert.Contains("API keys", renameDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.False(await db.Models.AnyAsync(m => m.Id == id));
        Assert.False(await db.ModelPrices.AnyAsync(p => p.ModelId == id));
    }

    [Fact]
    public async Task Update_ThatLeavesARouteWithoutAnEligibleCandidate_409NamingTheRoute_NothingChanged()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, id) = await PolicyApi.ModelAsync(admin, provider, region: "eu", approved: true);
        var (route, _) = await PolicyApi.RouteAsync(admin, new { region = "eu", customerFacing = true }, model);

        using var moved = await admin.PutAsJsonAsync($"/api/v1/models/{id}", PolicyApi.ModelBody(model, region: "us", approved: true));
        var movedDetail = await PolicyApi.ProblemAsync(moved, HttpStatusCode.Conflict);
        using var unapproved = await admin.PutAsJsonAsync($"/api/v1/models/{id}", PolicyApi.ModelBody(model, region: "eu-central-1", approved: false, input: 9m));
        var unapprovedDetail = await PolicyApi.ProblemAsync(unapproved, HttpStatusCode.Conflict);
        using var subRegion = await admin.PutAsJsonAsync($"/api/v1/models/{id}", PolicyApi.ModelBody(model, region: "eu-central-1", approved: true));

        Assert.Contains($"route '{route}'", movedDetail, StringComparison.Ordinal);
        Assert.Contains("region 'eu'", movedDetail, StringComparison.Ordinal);
        Assert.Contains("customer-facing", unapprovedDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, subRegion.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.Equal(1, await db.ModelPrices.CountAsync(p => p.ModelId == id));
        Assert.Equal("eu-central-1", (await db.Models.SingleAsync(m => m.Id == id)).Region);
    }

    [Fact]
    public async Task OtherTenantsModel_ReadIs404_WritesAre404_AndTheRowIsUnchanged()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var (provider, _) = await PolicyApi.ProviderAsync(globex);
        var (model, id) = await PolicyApi.ModelAsync(globex, provider);
        using var acme = await fixture.SignInAsync("owner");

        using var read = await acme.GetAsync($"/api/v1/models/{id}");
        using var prices = await acme.GetAsync($"/api/v1/models/{id}/prices");
        using var update = await acme.PutAsJsonAsync($"/api/v1/models/{id}", PolicyApi.ModelBody(model, input: 99m));
        using var delete = await acme.DeleteAsync($"/api/v1/models/{id}");
        using var list = await acme.GetAsync($"/api/v1/models?provider={provider}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, prices.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(list)).GetProperty("total").GetInt32());
        await using var db = fixture.Db(await fixture.TenantIdAsync("globex"));
        var row = await db.Models.SingleAsync(m => m.Id == id);
        Assert.Equal((model, 1m), (row.Name, row.InputPricePerMillion));
        Assert.Equal(1, await db.ModelPrices.CountAsync(p => p.ModelId == id));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("finance")]
    public async Task Writes_ForbiddenForViewerAndFinance_ReadsAllowed(string role)
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, id) = await PolicyApi.ModelAsync(admin, provider);
        using var client = await fixture.SignInAsync(role);

        using var create = await client.PostAsJsonAsync("/api/v1/models", PolicyApi.ModelBody(provider + "/other"));
        using var update = await client.PutAsJsonAsync($"/api/v1/models/{id}", PolicyApi.ModelBody(model, input: 5m));
        using var delete = await client.DeleteAsync($"/api/v1/models/{id}");
        using var list = await client.GetAsync("/api/v1/models");
        using var read = await client.GetAsync($"/api/v1/models/{id}");
        using var prices = await client.GetAsync($"/api/v1/models/{id}/prices");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, prices.StatusCode);
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_412_AndNoPriceRow()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, id) = await PolicyApi.ModelAsync(admin, provider);
        using var read = await admin.GetAsync($"/api/v1/models/{id}");
        var tag = read.Headers.ETag!;

        using var first = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/models/{id}", PolicyApi.ModelBody(model, input: 2m), tag);
        using var stale = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/models/{id}", PolicyApi.ModelBody(model, input: 7m), tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.Equal([1m, 2m], (await db.ModelPrices.Where(p => p.ModelId == id).Select(p => p.InputPricePerMillion).ToListAsync()).Order());
    }

    [Fact]
    public async Task Write_BumpsTheTenantsConfigVersion_AndIsAudited()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var before = await PolicyApi.ConfigVersionAsync(fixture, "acme");

        var (_, id) = await PolicyApi.ModelAsync(admin, provider);

        Assert.True(await PolicyApi.ConfigVersionAsync(fixture, "acme") > before);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString());
        Assert.Equal(("model", "create"), (audit.EntityType, audit.Action));
        Assert.Null(audit.BeforeJson);
        Assert.Contains("\"prices\":{\"input\":1", audit.AfterJson!, StringComparison.Ordinal);
    }
}
