using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/tiers: ordered weighted models, references both ways, route constraints, roles, tenant isolation, ETags.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class TierEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task CreateThenReorder_ModelsInOrderWithWeights_ETagMoves_ListFiltersByModel()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (a, _) = await PolicyApi.ModelAsync(admin, provider);
        var (b, _) = await PolicyApi.ModelAsync(admin, provider);
        var (c, _) = await PolicyApi.ModelAsync(admin, provider);
        var name = PolicyApi.Unique("tier");

        using var created = await admin.PostAsJsonAsync("/api/v1/tiers", new { name, description = "general", models = new object[] { new { model = a, weight = 3 }, new { model = b } } });
        var id = (await ControlPlaneFixture.JsonAsync(created)).GetProperty("id").GetGuid();
        using var reordered = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/tiers/{id}",
            new { name, models = new object[] { new { model = c }, new { model = a, weight = 5 } } }, created.Headers.ETag!);
        var view = await ControlPlaneFixture.JsonAsync(reordered);
        using var byModel = await admin.GetAsync($"/api/v1/tiers?model={c}");
        using var byDropped = await admin.GetAsync($"/api/v1/tiers?model={b}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.NotEqual(created.Headers.ETag, reordered.Headers.ETag);
        Assert.Equal([(c, 1), (a, 5)], view.GetProperty("models").EnumerateArray().Select(m => (m.GetProperty("model").GetString(), m.GetProperty("weight").GetInt32())));
        Assert.Equal(JsonNull, view.GetProperty("description").ValueKind);
        Assert.Equal(name, Assert.Single((await ControlPlaneFixture.JsonAsync(byModel)).GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(byDropped)).GetProperty("total").GetInt32());
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.Equal(2, await db.TierModels.CountAsync(m => m.TierId == id));
    }

    [Fact]
    public async Task Create_UnknownOrDuplicateModels_400NamingTheItem()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (a, _) = await PolicyApi.ModelAsync(admin, provider);

        using var unknown = await admin.PostAsJsonAsync("/api/v1/tiers", new { name = PolicyApi.Unique("tier"), models = new[] { new { model = a }, new { model = provider + "/ghost" } } });
        using var twice = await admin.PostAsJsonAsync("/api/v1/tiers", new { name = PolicyApi.Unique("tier"), models = new[] { new { model = a }, new { model = a } } });
        using var empty = await admin.PostAsJsonAsync("/api/v1/tiers", new { name = PolicyApi.Unique("tier"), models = Array.Empty<object>() });

        Assert.Contains("ghost", await PolicyApi.FieldErrorAsync(unknown, "models[1].model"), StringComparison.Ordinal);
        Assert.Contains("twice", await PolicyApi.FieldErrorAsync(twice, "models"), StringComparison.Ordinal);
        await PolicyApi.FieldErrorAsync(empty, "models");
    }

    [Fact]
    public async Task DeleteOrRename_WhileRoutesOrBudgetsUseIt_409NamingThem_UnusedDelete204()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider);
        var (tier, id) = await PolicyApi.TierAsync(admin, model);
        var route = await PolicyApi.CreateAsync(admin, "/api/v1/routes", new { name = PolicyApi.Unique("r"), tier });
        var budget = PolicyApi.Unique("b");
        await using (var db = fixture.Db(await fixture.TenantIdAsync("acme")))
        {
            db.Budgets.Add(new Platform.Shared.Domain.Budget { Name = budget, LimitUsd = 10, Action = Platform.Shared.Domain.BudgetAction.Downgrade, DowngradeTier = tier });
            await db.SaveChangesAsync();
        }

        using var delete = await admin.DeleteAsync($"/api/v1/tiers/{id}");
        var detail = await PolicyApi.ProblemAsync(delete, HttpStatusCode.Conflict);
        using var rename = await admin.PutAsJsonAsync($"/api/v1/tiers/{id}", new { name = tier + "x", models = new[] { new { model } } });
        var renameDetail = await PolicyApi.ProblemAsync(rename, HttpStatusCode.Conflict);
        await using (var db = fixture.Db(await fixture.TenantIdAsync("acme")))
        {
            await db.Budgets.Where(b => b.Name == budget).ExecuteDeleteAsync();
        }

        await admin.DeleteAsync($"/api/v1/routes/{route.GetProperty("id").GetGuid()}");
        using var deleted = await admin.DeleteAsync($"/api/v1/tiers/{id}");

        Assert.Contains($"routes '{route.GetProperty("name").GetString()}'", detail, StringComparison.Ordinal);
        Assert.Contains($"'{budget}'", detail, StringComparison.Ordinal);
        Assert.Contains($"'{budget}'", renameDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var check = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.False(await check.TierModels.AnyAsync(m => m.TierId == id));
    }

    [Fact]
    public async Task Update_ThatLeavesARouteWithoutAnEligibleCandidate_409_TierUnchanged()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (eu, _) = await PolicyApi.ModelAsync(admin, provider, region: "eu");
        var (us, _) = await PolicyApi.ModelAsync(admin, provider, region: "us");
        var (tier, id) = await PolicyApi.TierAsync(admin, us, eu);
        var route = await PolicyApi.CreateAsync(admin, "/api/v1/routes", new { name = PolicyApi.Unique("r"), tier, constraints = new { region = "eu" } });

        using var refused = await admin.PutAsJsonAsync($"/api/v1/tiers/{id}", new { name = tier, models = new[] { new { model = us } } });
        var detail = await PolicyApi.ProblemAsync(refused, HttpStatusCode.Conflict);
        using var read = await admin.GetAsync($"/api/v1/tiers/{id}");

        Assert.Contains($"route '{route.GetProperty("name").GetString()}'", detail, StringComparison.Ordinal);
        Assert.Contains("region 'eu'", detail, StringComparison.Ordinal);
        Assert.Equal([us, eu], (await ControlPlaneFixture.JsonAsync(read)).GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task OtherTenantsTier_ReadIs404_WritesAre404_AndTheRowIsUnchanged()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var (provider, _) = await PolicyApi.ProviderAsync(globex);
        var (model, _) = await PolicyApi.ModelAsync(globex, provider);
        var (tier, id) = await PolicyApi.TierAsync(globex, model);
        using var acme = await fixture.SignInAsync("owner");

        using var read = await acme.GetAsync($"/api/v1/tiers/{id}");
        using var update = await acme.PutAsJsonAsync($"/api/v1/tiers/{id}", new { name = "stolen", models = new[] { new { model } } });
        using var delete = await acme.DeleteAsync($"/api/v1/tiers/{id}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("globex"));
        var row = await db.Tiers.Include(t => t.Models).SingleAsync(t => t.Id == id);
        Assert.Equal((tier, 1), (row.Name, row.Models.Count));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("finance")]
    public async Task Writes_ForbiddenForViewerAndFinance_ReadsAllowed(string role)
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider);
        var (tier, id) = await PolicyApi.TierAsync(admin, model);
        using var client = await fixture.SignInAsync(role);

        using var create = await client.PostAsJsonAsync("/api/v1/tiers", new { name = PolicyApi.Unique("tier"), models = new[] { new { model } } });
        using var update = await client.PutAsJsonAsync($"/api/v1/tiers/{id}", new { name = tier, description = "x", models = new[] { new { model } } });
        using var delete = await client.DeleteAsync($"/api/v1/tiers/{id}");
        using var list = await client.GetAsync("/api/v1/tiers");
        using var read = await client.GetAsync($"/api/v1/tiers/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_412_ConfigVersionBumpsOnlyOnSuccess()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (a, _) = await PolicyApi.ModelAsync(admin, provider);
        var (b, _) = await PolicyApi.ModelAsync(admin, provider);
        var (tier, id) = await PolicyApi.TierAsync(admin, a);
        using var read = await admin.GetAsync($"/api/v1/tiers/{id}");
        var before = await PolicyApi.ConfigVersionAsync(fixture, "acme");

        using var first = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/tiers/{id}", new { name = tier, models = new[] { new { model = b } } }, read.Headers.ETag!);
        var afterFirst = await PolicyApi.ConfigVersionAsync(fixture, "acme");
        using var stale = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/tiers/{id}", new { name = tier, models = new[] { new { model = a } } }, read.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(afterFirst > before, $"{afterFirst} > {before}");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(afterFirst, await PolicyApi.ConfigVersionAsync(fixture, "acme"));
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
