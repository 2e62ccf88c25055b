using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/prompts: versions immutable and numbered, labels promoted and rolled back with history, diffs, roles, tenant isolation.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class PromptEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task CreateVersions_NumberedInOrder_VariablesInferredWhenNotDeclared_Audited()
    {
        using var admin = await fixture.SignInAsync("admin");
        var id = await CreatePromptAsync(admin);

        using var first = await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("Hello {{name}}, about {{topic}}"));
        using var second = await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", new
        {
            messages = new[] { new { role = "system", content = "Hi {{name}}" } },
            variables = new[] { "name", "unused" },
            parameters = new { temperature = 0.2, max_tokens = 300 },
            responseSchema = new { type = "object" },
        });
        var v1 = await ControlPlaneFixture.JsonAsync(first);
        var v2 = await ControlPlaneFixture.JsonAsync(second);
        using var prompt = await admin.GetAsync($"/api/v1/prompts/{id}");
        using var list = await admin.GetAsync($"/api/v1/prompts/{id}/versions");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((1, 2), (v1.GetProperty("version").GetInt32(), v2.GetProperty("version").GetInt32()));
        Assert.Equal(["name", "topic"], v1.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["name", "unused"], v2.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0.2, v2.GetProperty("parameters").GetProperty("temperature").GetDouble());
        Assert.Equal("user:admin@acme.test", v2.GetProperty("createdBy").GetString());
        Assert.Equal(2, (await ControlPlaneFixture.JsonAsync(prompt)).GetProperty("latestVersion").GetInt32());
        Assert.Equal([2, 1], (await ControlPlaneFixture.JsonAsync(list)).GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var row = await db.PromptVersions.SingleAsync(v => v.PromptId == id && v.Version == 2);
        Assert.Equal("""{"temperature":0.2,"max_tokens":300}""", row.ParametersJson);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "prompt_version" && a.EntityId == row.Id.ToString() && a.Action == "create"));
    }

    [Fact]
    public async Task CreateVersion_TemplateUsesUndeclaredVariable_400_NothingWritten()
    {
        using var admin = await fixture.SignInAsync("admin");
        var id = await CreatePromptAsync(admin);

        using var response = await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", new
        {
            messages = new[] { new { role = "user", content = "Summarise {{ticket}} for {{customer}}" } },
            variables = new[] { "ticket" },
        });
        var problem = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("{{customer}}", problem.GetProperty("errors").GetProperty("variables")[0].GetString(), StringComparison.Ordinal);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.False(await db.PromptVersions.AnyAsync(v => v.PromptId == id));
    }

    [Theory]
    [InlineData("narrator", "text")]
    [InlineData("user", "")]
    public async Task CreateVersion_BadMessage_400(string role, string content)
    {
        using var admin = await fixture.SignInAsync("admin");
        var id = await CreatePromptAsync(admin);

        using var response = await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", new { messages = new[] { new { role, content } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Versions_CannotBeEditedOrDeleted_ByAnyEndpoint()
    {
        using var owner = await fixture.SignInAsync("owner");
        var id = await CreatePromptAsync(owner);
        using var created = await owner.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("Original {{x}}"));

        var statuses = new List<HttpStatusCode>();
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Post })
        {
            using var request = new HttpRequestMessage(method, $"/api/v1/prompts/{id}/versions/1") { Content = JsonContent.Create(Version("Changed {{x}}")) };
            using var response = await owner.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        using var read = await owner.GetAsync($"/api/v1/prompts/{id}/versions/1");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.MethodNotAllowed, s));
        Assert.Contains("Original", (await ControlPlaneFixture.JsonAsync(read)).GetProperty("messages")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.Contains("Original {{x}}", (await db.PromptVersions.SingleAsync(v => v.PromptId == id)).MessagesJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_PromoteThenRollback_MovesTheLabel_AndRecordsHistory()
    {
        using var admin = await fixture.SignInAsync("admin");
        var id = await CreatePromptAsync(admin);
        await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("one"));
        await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("two"));

        using var set = await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/production", new { version = 1 });
        using var promote = await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/production", new { version = 2 });
        using var rollback = await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/production", new { version = 1 });
        using var staging = await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/staging", new { version = 2 });
        using var read = await admin.GetAsync($"/api/v1/prompts/{id}/labels/production");
        using var history = await admin.GetAsync($"/api/v1/prompts/{id}/labels/history?label=production");
        using var all = await admin.GetAsync($"/api/v1/prompts/{id}/labels/history");

        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(1, (await ControlPlaneFixture.JsonAsync(read)).GetProperty("version").GetInt32());
        var moves = (await ControlPlaneFixture.JsonAsync(history)).GetProperty("items").EnumerateArray()
            .Select(m => (m.GetProperty("action").GetString(), Int(m, "fromVersion"), Int(m, "toVersion"), m.GetProperty("actor").GetString()))
            .ToList();
        Assert.Equal(
            [("rollback", 2, 1, "user:admin@acme.test"), ("promote", 1, 2, "user:admin@acme.test"), ("create", null, 1, "user:admin@acme.test")],
            moves);
        Assert.Equal(4, (await ControlPlaneFixture.JsonAsync(all)).GetProperty("total").GetInt32());
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.Equal(1, (await db.PromptLabels.SingleAsync(l => l.PromptId == id && l.Label == "production")).Version);
    }

    [Fact]
    public async Task Label_UnknownVersion_400_StaleIfMatch_412_Delete_RecordsHistory()
    {
        using var admin = await fixture.SignInAsync("admin");
        var id = await CreatePromptAsync(admin);
        await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("one"));
        await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("two"));
        using var created = await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/staging", new { version = 1 });
        var tag = created.Headers.ETag!;

        using var unknown = await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/staging", new { version = 9 });
        using var badName = await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/bad%20label", new { version = 1 });
        using var moved = await SendAsync(admin, HttpMethod.Put, $"/api/v1/prompts/{id}/labels/staging", new { version = 2 }, tag);
        using var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/prompts/{id}/labels/staging", new { version = 1 }, tag);
        using var deleted = await admin.DeleteAsync($"/api/v1/prompts/{id}/labels/staging");
        using var gone = await admin.GetAsync($"/api/v1/prompts/{id}/labels/staging");
        using var history = await admin.GetAsync($"/api/v1/prompts/{id}/labels/history");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var latest = (await ControlPlaneFixture.JsonAsync(history)).GetProperty("items")[0];
        Assert.Equal(("delete", (int?)2, (int?)null), (latest.GetProperty("action").GetString(), Int(latest, "fromVersion"), Int(latest, "toVersion")));
    }

    [Fact]
    public async Task DeleteLabel_ARouteServesThePromptByIt_409_LabelKept()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var admin = await fixture.SignInAsync("admin", slug);
        var id = await CreatePromptAsync(admin);
        await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("one"));
        await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/production", new { version = 1 });
        await using (var db = fixture.Db(await fixture.TenantIdAsync(slug)))
        {
            var prompt = await db.Prompts.SingleAsync(p => p.Id == id);
            db.Routes.Add(new TaskRoute { Name = "support", PromptName = prompt.Name });
            await db.SaveChangesAsync();
        }

        using var deleted = await admin.DeleteAsync($"/api/v1/prompts/{id}/labels/production");
        using var read = await admin.GetAsync($"/api/v1/prompts/{id}/labels/production");

        Assert.Equal(HttpStatusCode.Conflict, deleted.StatusCode);
        Assert.Contains("support", await deleted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Diff_ShowsRemovedAndAddedLines_OfMessagesAndParameters()
    {
        using var admin = await fixture.SignInAsync("admin");
        var id = await CreatePromptAsync(admin);
        await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", new
        {
            messages = new[] { new { role = "system", content = "Be brief.\nGreet {{name}}.\nSign off." } },
            parameters = new { temperature = 0.2 },
        });
        await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", new
        {
            messages = new[] { new { role = "system", content = "Be brief.\nWelcome {{name}}.\nSign off." } },
            parameters = new { temperature = 0.7 },
        });

        using var response = await admin.GetAsync($"/api/v1/prompts/{id}/diff?from=1&to=2");
        var diff = await ControlPlaneFixture.JsonAsync(response);
        var changed = diff.GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("kind").GetString() != "same")
            .Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("text").GetString()))
            .ToList();
        using var missing = await admin.GetAsync($"/api/v1/prompts/{id}/diff?from=1&to=7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 2), (diff.GetProperty("added").GetInt32(), diff.GetProperty("removed").GetInt32()));
        Assert.Equal(
            [("removed", "Greet {{name}}."), ("added", "Welcome {{name}}."), ("removed", "  \"temperature\": 0.2"), ("added", "  \"temperature\": 0.7")],
            changed);
        Assert.Contains(diff.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "same" && l.GetProperty("text").GetString() == "Sign off.");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task UpdateDescription_StaleIfMatch_412_DuplicateName_409()
    {
        using var admin = await fixture.SignInAsync("admin");
        var name = "p-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await admin.PostAsJsonAsync("/api/v1/prompts", new { name, description = "first" });
        var id = (await ControlPlaneFixture.JsonAsync(created)).GetProperty("id").GetGuid();
        var tag = created.Headers.ETag!;

        using var updated = await SendAsync(admin, HttpMethod.Put, $"/api/v1/prompts/{id}", new { description = "second" }, tag);
        using var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/prompts/{id}", new { description = "third" }, tag);
        using var duplicate = await admin.PostAsJsonAsync("/api/v1/prompts", new { name });
        using var list = await admin.GetAsync("/api/v1/prompts?name=" + name);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var item = Assert.Single((await ControlPlaneFixture.JsonAsync(list)).GetProperty("items").EnumerateArray());
        Assert.Equal("second", item.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("viewer")]
    public async Task Writes_ForbiddenForFinanceAndViewer_ReadsAllowed(string role)
    {
        using var admin = await fixture.SignInAsync("admin");
        var id = await CreatePromptAsync(admin);
        await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("one"));
        await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/production", new { version = 1 });
        using var client = await fixture.SignInAsync(role);

        var writes = new List<HttpStatusCode>();
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Post, "/api/v1/prompts", new { name = "p-" + Guid.NewGuid().ToString("N")[..8] }),
            (HttpMethod.Put, $"/api/v1/prompts/{id}", new { description = "x" }),
            (HttpMethod.Post, $"/api/v1/prompts/{id}/versions", Version("two")),
            (HttpMethod.Put, $"/api/v1/prompts/{id}/labels/production", new { version = 1 }),
            (HttpMethod.Delete, $"/api/v1/prompts/{id}/labels/production", null),
        })
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request);
            writes.Add(response.StatusCode);
        }

        using var read = await client.GetAsync($"/api/v1/prompts/{id}");
        using var versions = await client.GetAsync($"/api/v1/prompts/{id}/versions/1");

        Assert.All(writes, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, versions.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.Equal(1, await db.PromptVersions.CountAsync(v => v.PromptId == id));
        Assert.Equal(1, (await db.PromptLabels.SingleAsync(l => l.PromptId == id)).Version);
    }

    [Fact]
    public async Task OtherTenantsPrompt_EveryReadAndWriteIs404_AndNothingChanges()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var id = await CreatePromptAsync(globex, "globex's own");
        await globex.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("one"));
        await globex.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", Version("two"));
        await globex.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/production", new { version = 1 });
        using var acme = await fixture.SignInAsync("owner");

        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, $"/api/v1/prompts/{id}", null),
            (HttpMethod.Put, $"/api/v1/prompts/{id}", new { description = "stolen" }),
            (HttpMethod.Get, $"/api/v1/prompts/{id}/versions", null),
            (HttpMethod.Get, $"/api/v1/prompts/{id}/versions/1", null),
            (HttpMethod.Post, $"/api/v1/prompts/{id}/versions", Version("evil")),
            (HttpMethod.Get, $"/api/v1/prompts/{id}/diff?from=1&to=2", null),
            (HttpMethod.Get, $"/api/v1/prompts/{id}/labels/production", null),
            (HttpMethod.Put, $"/api/v1/prompts/{id}/labels/production", new { version = 2 }),
            (HttpMethod.Delete, $"/api/v1/prompts/{id}/labels/production", null),
            (HttpMethod.Get, $"/api/v1/prompts/{id}/labels/history", null),
        })
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await acme.SendAsync(request);
            statuses[$"{method} {path}"] = response.StatusCode;
        }

        using var list = await acme.GetAsync("/api/v1/prompts?pageSize=200");

        Assert.All(statuses, s => Assert.True(s.Value == HttpStatusCode.NotFound, $"{s.Key}: {s.Value}"));
        Assert.DoesNotContain(id.ToString(), await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = fixture.Db(await fixture.TenantIdAsync("globex"));
        Assert.Equal("globex's own", (await db.Prompts.SingleAsync(p => p.Id == id)).Description);
        Assert.Equal(2, await db.PromptVersions.CountAsync(v => v.PromptId == id));
        Assert.Equal(1, (await db.PromptLabels.SingleAsync(l => l.PromptId == id && l.Label == "production")).Version);
    }

    private static object Version(string content) => new { messages = new[] { new { role = "user", content } } };

    private static int? Int(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetInt32();

    private static async Task<Guid> CreatePromptAsync(HttpClient client, string? description = null)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/prompts", new { name = "p-" + Guid.NewGuid().ToString("N")[..8], description });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await ControlPlaneFixture.JsonAsync(created)).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, EntityTagHeaderValue ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return client.SendAsync(request);
    }
}
