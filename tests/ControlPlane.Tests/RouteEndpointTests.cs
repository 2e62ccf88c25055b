using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/routes: validated as a whole (references and the route's own constraints), filters, roles, tenant isolation, ETags.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class RouteEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task CreateWithCandidates_ThenMoveToATier_ViewInConfigWords_ListFiltersByTier()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (a, _) = await PolicyApi.ModelAsync(admin, provider);
        var (b, _) = await PolicyApi.ModelAsync(admin, provider);
        var (tier, _) = await PolicyApi.TierAsync(admin, b);
        var (policy, _) = await PolicyApi.PolicyAsync(admin);
        var name = PolicyApi.Unique("r");

        using var created = await admin.PostAsJsonAsync("/api/v1/routes", new
        {
            name,
            description = "support summaries",
            candidates = new object[] { new { model = b, weight = 2 }, new { model = a } },
            strategy = "hedged",
            hedgeAfterMs = 800,
            fallbackPolicy = policy,
            constraints = new { sensitivity = "redact" },
            cache = new { enabled = true, ttlSeconds = 60 },
        });
        var view = await ControlPlaneFixture.JsonAsync(created);
        var id = view.GetProperty("id").GetGuid();
        using var moved = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/routes/{id}", new { name, tier, strategy = "leastCost" }, created.Headers.ETag!);
        var movedView = await ControlPlaneFixture.JsonAsync(moved);
        using var byTier = await admin.GetAsync($"/api/v1/routes?tier={tier}");
        using var byModel = await admin.GetAsync($"/api/v1/routes?model={b}&name={name}");
        using var byOldModel = await admin.GetAsync($"/api/v1/routes?model={a}&name={name}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal([b, a], view.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("model").GetString()));
        Assert.Equal(("hedged", 800, policy), (view.GetProperty("strategy").GetString(), view.GetProperty("hedgeAfterMs").GetInt32(), view.GetProperty("fallbackPolicy").GetString()));
        Assert.Equal("redact", view.GetProperty("constraints").GetProperty("sensitivity").GetString());
        Assert.Equal(60, view.GetProperty("cache").GetProperty("ttlSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.NotEqual(created.Headers.ETag, moved.Headers.ETag);
        Assert.Equal((tier, 0, "leastCost"), (movedView.GetProperty("tier").GetString(), movedView.GetProperty("candidates").GetArrayLength(), movedView.GetProperty("strategy").GetString()));
        Assert.Equal(name, Assert.Single((await ControlPlaneFixture.JsonAsync(byTier)).GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(1, (await ControlPlaneFixture.JsonAsync(byModel)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(byOldModel)).GetProperty("total").GetInt32());
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var row = await db.Routes.Include(r => r.Candidates).SingleAsync(r => r.Id == id);
        Assert.Empty(row.Candidates);
        Assert.Null(row.FallbackPolicyId);
        Assert.Equal(RoutingStrategy.LeastCost, row.Strategy);
    }

    [Fact]
    public async Task Create_NamingMissingTierModelPolicyOrPrompt_400ForEachField_NothingWritten()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider);
        var name = PolicyApi.Unique("r");

        using var withCandidates = await admin.PostAsJsonAsync("/api/v1/routes", new
        {
            name,
            candidates = new[] { new { model }, new { model = provider + "/ghost" } },
            fallbackPolicy = "no-such-policy",
            prompt = new { name = "no-such-prompt" },
        });
        using var withTier = await admin.PostAsJsonAsync("/api/v1/routes", new { name, tier = "no-such-tier" });

        Assert.Contains("ghost", await PolicyApi.FieldErrorAsync(withCandidates, "candidates[1].model"), StringComparison.Ordinal);
        Assert.Contains("no-such-policy", await PolicyApi.FieldErrorAsync(withCandidates, "fallbackPolicy"), StringComparison.Ordinal);
        Assert.Contains("no-such-prompt", await PolicyApi.FieldErrorAsync(withCandidates, "prompt.name"), StringComparison.Ordinal);
        Assert.Contains("no-such-tier", await PolicyApi.FieldErrorAsync(withTier, "tier"), StringComparison.Ordinal);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.False(await db.Routes.AnyAsync(r => r.Name == name));
    }

    [Fact]
    public async Task PromptBinding_ExistingPromptAndLabel201_UnknownLabel400()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider);
        var prompt = PolicyApi.Unique("prompt");
        await using (var db = fixture.Db(await fixture.TenantIdAsync("acme")))
        {
            db.Prompts.Add(new Prompt { Name = prompt, Labels = [new PromptLabel { Label = "production", Version = 1 }] });
            await db.SaveChangesAsync();
        }

        using var bound = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model } }, prompt = new { name = prompt, label = "production" } });
        using var unknownLabel = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model } }, prompt = new { name = prompt, label = "staging" } });

        Assert.Equal(HttpStatusCode.Created, bound.StatusCode);
        Assert.Equal("production", (await ControlPlaneFixture.JsonAsync(bound)).GetProperty("prompt").GetProperty("label").GetString());
        Assert.Contains("staging", await PolicyApi.FieldErrorAsync(unknownLabel, "prompt.label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ShapeRules_400()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider);
        var (tier, _) = await PolicyApi.TierAsync(admin, model);

        using var both = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), tier, candidates = new[] { new { model } } });
        using var neither = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r") });
        using var hedge = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), tier, strategy = "priority", hedgeAfterMs = 100 });
        using var words = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), tier, strategy = "cheapest", constraints = new { sensitivity = "secret" } });

        Assert.Contains("exactly one of", await PolicyApi.FieldErrorAsync(both, "candidates"), StringComparison.Ordinal);
        Assert.Contains("exactly one of", await PolicyApi.FieldErrorAsync(neither, "candidates"), StringComparison.Ordinal);
        Assert.Contains("only to strategy 'hedged'", await PolicyApi.FieldErrorAsync(hedge, "hedgeAfterMs"), StringComparison.Ordinal);
        Assert.Contains("leastCost", await PolicyApi.FieldErrorAsync(words, "strategy"), StringComparison.Ordinal);
        Assert.Contains("privateOnly", await PolicyApi.FieldErrorAsync(words, "constraints.sensitivity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RegionNoCandidateMeets_400WithTheReason()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (usProvider, _) = await PolicyApi.ProviderAsync(admin, region: "us-east-1");
        var (us, _) = await PolicyApi.ModelAsync(admin, usProvider);
        var (unknown, _) = await PolicyApi.ModelAsync(admin, (await PolicyApi.ProviderAsync(admin)).Name);
        var (euWest, _) = await PolicyApi.ModelAsync(admin, usProvider, region: "eu-west-1");

        using var refused = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model = us }, new { model = unknown } }, constraints = new { region = "eu" } });
        var reason = await PolicyApi.FieldErrorAsync(refused, "constraints.region");
        using var subRegion = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model = us }, new { model = euWest } }, constraints = new { region = "eu" } });

        Assert.Contains("requires region 'eu'", reason, StringComparison.Ordinal);
        Assert.Contains($"{us} (in us-east-1)", reason, StringComparison.Ordinal);
        Assert.Contains($"{unknown} (in no known region)", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, subRegion.StatusCode);
    }

    [Fact]
    public async Task Create_CustomerFacingWithoutAnApprovedCandidate_400WithTheReason()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider, approved: false);
        var (tier, _) = await PolicyApi.TierAsync(admin, model);

        using var refused = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), tier, constraints = new { customerFacing = true } });

        Assert.Contains("no candidate is approved", await PolicyApi.FieldErrorAsync(refused, "constraints.customerFacing"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PrivateOnlyWithoutAPrivateProvider_400_PrivateProviderOrInRegionModel201()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (publicProvider, _) = await PolicyApi.ProviderAsync(admin);
        var (privateProvider, _) = await PolicyApi.ProviderAsync(admin, isPrivate: true);
        var (publicModel, _) = await PolicyApi.ModelAsync(admin, publicProvider, region: "eu");
        var (privateModel, _) = await PolicyApi.ModelAsync(admin, privateProvider);

        using var refused = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model = publicModel } }, constraints = new { sensitivity = "privateOnly" } });
        var reason = await PolicyApi.FieldErrorAsync(refused, "constraints.sensitivity");
        using var withPrivate = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model = publicModel }, new { model = privateModel } }, constraints = new { sensitivity = "privateOnly" } });
        using var inRegion = await admin.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model = publicModel } }, constraints = new { sensitivity = "privateOnly", region = "eu" } });

        Assert.Contains("privateOnly but no candidate runs on a private provider", reason, StringComparison.Ordinal);
        Assert.Contains(publicProvider, reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, withPrivate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inRegion.StatusCode);
    }

    [Fact]
    public async Task Create_EachConstraintMetButNeverByOneCandidate_400OnConstraints()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (euUnapproved, _) = await PolicyApi.ModelAsync(admin, provider, region: "eu");
        var (usApproved, _) = await PolicyApi.ModelAsync(admin, provider, region: "us", approved: true);

        using var refused = await admin.PostAsJsonAsync("/api/v1/routes", new
        {
            name = PolicyApi.Unique("r"),
            candidates = new[] { new { model = euUnapproved }, new { model = usApproved } },
            constraints = new { region = "eu", customerFacing = true },
        });

        var reason = await PolicyApi.FieldErrorAsync(refused, "constraints");
        Assert.Contains("No single candidate", reason, StringComparison.Ordinal);
        Assert.Contains($"{euUnapproved} (not approved", reason, StringComparison.Ordinal);
        Assert.Contains($"{usApproved} (in us)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteOrRename_WhileAKeyIsScopedToIt_409_OtherwiseDelete204()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider);
        var (route, id) = await PolicyApi.RouteAsync(admin, new { }, model);
        var keyName = PolicyApi.Unique("k");
        var key = await PolicyApi.CreateAsync(admin, "/api/v1/keys", new { name = keyName, routes = new[] { route } });

        using var refused = await admin.DeleteAsync($"/api/v1/routes/{id}");
        var detail = await PolicyApi.ProblemAsync(refused, HttpStatusCode.Conflict);
        using var rename = await admin.PutAsJsonAsync($"/api/v1/routes/{id}", new { name = route + "x", candidates = new[] { new { model } } });
        await PolicyApi.ProblemAsync(rename, HttpStatusCode.Conflict);
        await admin.PostAsync($"/api/v1/keys/{key.GetProperty("key").GetProperty("id").GetGuid()}/revoke", null);
        using var deleted = await admin.DeleteAsync($"/api/v1/routes/{id}");

        Assert.Contains($"API keys '{keyName}'", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.False(await db.RouteCandidates.AnyAsync(c => c.RouteId == id));
    }

    [Fact]
    public async Task OtherTenantsRoute_ReadIs404_WritesAre404_AndTheRowIsUnchanged()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var (provider, _) = await PolicyApi.ProviderAsync(globex);
        var (model, _) = await PolicyApi.ModelAsync(globex, provider);
        var (route, id) = await PolicyApi.RouteAsync(globex, new { }, model);
        using var acme = await fixture.SignInAsync("owner");

        using var read = await acme.GetAsync($"/api/v1/routes/{id}");
        using var update = await acme.PutAsJsonAsync($"/api/v1/routes/{id}", new { name = "stolen", candidates = new[] { new { model } } });
        using var delete = await acme.DeleteAsync($"/api/v1/routes/{id}");
        using var list = await acme.GetAsync($"/api/v1/routes?name={route}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(list)).GetProperty("total").GetInt32());
        await using var db = fixture.Db(await fixture.TenantIdAsync("globex"));
        var row = await db.Routes.Include(r => r.Candidates).SingleAsync(r => r.Id == id);
        Assert.Equal((route, 1), (row.Name, row.Candidates.Count));
    }

    [Fact]
    public async Task Create_CannotReachAnotherTenantsModelOrTier_400()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var (provider, _) = await PolicyApi.ProviderAsync(globex);
        var (model, _) = await PolicyApi.ModelAsync(globex, provider);
        var (tier, _) = await PolicyApi.TierAsync(globex, model);
        using var acme = await fixture.SignInAsync("admin");

        using var byModel = await acme.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model } } });
        using var byTier = await acme.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), tier });

        await PolicyApi.FieldErrorAsync(byModel, "candidates[0].model");
        await PolicyApi.FieldErrorAsync(byTier, "tier");
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("finance")]
    public async Task Writes_ForbiddenForViewerAndFinance_ReadsAllowed(string role)
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (model, _) = await PolicyApi.ModelAsync(admin, provider);
        var (route, id) = await PolicyApi.RouteAsync(admin, new { }, model);
        using var client = await fixture.SignInAsync(role);

        using var create = await client.PostAsJsonAsync("/api/v1/routes", new { name = PolicyApi.Unique("r"), candidates = new[] { new { model } } });
        using var update = await client.PutAsJsonAsync($"/api/v1/routes/{id}", new { name = route, description = "x", candidates = new[] { new { model } } });
        using var delete = await client.DeleteAsync($"/api/v1/routes/{id}");
        using var list = await client.GetAsync("/api/v1/routes");
        using var read = await client.GetAsync($"/api/v1/routes/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_412_ConfigVersionBumpsOnSuccess_Audited()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (provider, _) = await PolicyApi.ProviderAsync(admin);
        var (a, _) = await PolicyApi.ModelAsync(admin, provider);
        var (b, _) = await PolicyApi.ModelAsync(admin, provider);
        var (route, id) = await PolicyApi.RouteAsync(admin, new { }, a, b);
        using var read = await admin.GetAsync($"/api/v1/routes/{id}");
        var before = await PolicyApi.ConfigVersionAsync(fixture, "acme");

        using var reordered = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/routes/{id}", new { name = route, candidates = new[] { new { model = b }, new { model = a } } }, read.Headers.ETag!);
        var afterFirst = await PolicyApi.ConfigVersionAsync(fixture, "acme");
        using var stale = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/routes/{id}", new { name = route, candidates = new[] { new { model = a } } }, read.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.True(afterFirst > before, $"{afterFirst} > {before}");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var candidates = await db.RouteCandidates.Where(c => c.RouteId == id).OrderBy(c => c.Priority).Include(c => c.Model).Select(c => c.Model!.Name).ToListAsync();
        Assert.Equal([b, a], candidates);
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityId == id.ToString() && e.Action == "update");
        Assert.Contains($"\"model\":\"{b}\"", audit.AfterJson!, StringComparison.Ordinal);
    }
}
