using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/config: export without secrets, preview (dry run) and apply, own tenant only, errors with line numbers, no role escalation.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class ConfigEndpointTests(ControlPlaneFixture fixture)
{
    private const string PromptAndBudget = """
            prompts:
              - name: greet
                versions:
                  - version: 1
                    messages:
                      - { role: user, content: "Hi {{name}}" }
                  - version: 2
                    messages:
                      - { role: user, content: "Hello {{name}}" }
                labels: { production: 1 }
            budgets:
              - name: monthly
                limitUsd: 50
                thresholds: [50, 100]
            apiKeys:
              - name: svc
        """;

    [Fact]
    public async Task Export_IsTheCallersTenantAsYaml_WithoutSecrets_ReadableByViewer()
    {
        var slug = await TestTenants.CreateAsync(fixture, """
                providers:
                  - name: upstream
                    kind: openai-compatible
                    baseUrl: http://127.0.0.1:9
                    credential: sk-very-secret-credential
            """);
        using var viewer = await fixture.SignInAsync("viewer", slug);

        using var response = await viewer.GetAsync("/api/v1/config");
        var yaml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"slug: {slug}", yaml, StringComparison.Ordinal);
        Assert.Contains("name: upstream", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-very-secret-credential", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("acme", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("globex", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ListsTheChanges_AndChangesNothing()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var admin = await fixture.SignInAsync("admin", slug);
        var versionBefore = await ConfigVersionAsync(slug);

        using var response = await PostYamlAsync(admin, "/api/v1/config/preview", File(slug, PromptAndBudget));
        var body = await ControlPlaneFixture.JsonAsync(response);
        var changes = body.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("applied").GetBoolean());
        Assert.Contains($"create budget {slug}/monthly", changes);
        Assert.Contains($"create prompt {slug}/greet", changes);
        Assert.Contains($"add label {slug}/greet production -> 1", changes);
        Assert.Empty(body.GetProperty("generatedKeys").EnumerateArray());
        Assert.Equal(versionBefore, await ConfigVersionAsync(slug));
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        Assert.False(await db.Budgets.AnyAsync());
        Assert.False(await db.Prompts.AnyAsync());
        Assert.False(await db.ApiKeys.AnyAsync());
    }

    [Fact]
    public async Task Apply_WritesTheChanges_BumpsConfigVersion_AuditsThem_AndRecordsLabelMoves()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var admin = await fixture.SignInAsync("admin", slug);
        var versionBefore = await ConfigVersionAsync(slug);

        using var first = await PostYamlAsync(admin, "/api/v1/config/apply", File(slug, PromptAndBudget));
        var body = await ControlPlaneFixture.JsonAsync(first);
        var versionAfter = await ConfigVersionAsync(slug);
        using var promote = await PostYamlAsync(admin, "/api/v1/config/apply", File(slug, PromptAndBudget.Replace("production: 1", "production: 2", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(body.GetProperty("applied").GetBoolean());
        var key = Assert.Single(body.GetProperty("generatedKeys").EnumerateArray());
        Assert.Equal("svc", key.GetProperty("name").GetString());
        Assert.StartsWith("plt_", key.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.True(versionAfter > versionBefore);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        Assert.Equal(50m, (await db.Budgets.SingleAsync(b => b.Name == "monthly")).LimitUsd);
        var prompt = await db.Prompts.SingleAsync(p => p.Name == "greet");
        Assert.Equal(2, (await db.PromptLabels.SingleAsync(l => l.PromptId == prompt.Id)).Version);
        var applies = await db.AuditEntries.Where(a => a.EntityType == "config" && a.Action == "apply").ToListAsync();
        Assert.Equal(2, applies.Count);
        Assert.All(applies, a => Assert.Equal($"user:admin@{slug}.test", a.Actor));
        Assert.Contains(applies, a => a.AfterJson!.Contains($"create budget {slug}/monthly", StringComparison.Ordinal));
        Assert.DoesNotContain(applies, a => a.AfterJson!.Contains(key.GetProperty("key").GetString()!, StringComparison.Ordinal));

        using var history = await admin.GetAsync($"/api/v1/prompts/{prompt.Id}/labels/history");
        var moves = (await ControlPlaneFixture.JsonAsync(history)).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("action").GetString()).ToList();
        Assert.Equal(["promote", "create"], moves);
    }

    [Fact]
    public async Task ExportThenPreview_ChangesNothing_IncludingVersionsAndBudgetsMadeThroughTheApi()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var admin = await fixture.SignInAsync("admin", slug);
        using var prompt = await admin.PostAsJsonAsync("/api/v1/prompts", new { name = "welcome", description = "Grüße: «first» line" });
        var id = (await ControlPlaneFixture.JsonAsync(prompt)).GetProperty("id").GetGuid();
        using var version = await admin.PostAsJsonAsync($"/api/v1/prompts/{id}/versions", new
        {
            messages = new[] { new { role = "system", content = "Grüße, {{name}}!\n\"Quoted\" – and 100% sure: yes" }, new { role = "user", content = "true" } },
            parameters = new { temperature = 0.25, max_tokens = 100, stop = new[] { "\n\n" } },
            responseSchema = new { type = "object", required = new[] { "answer" } },
        });
        using var label = await admin.PutAsJsonAsync($"/api/v1/prompts/{id}/labels/production", new { version = 1 });
        using var budget = await admin.PostAsJsonAsync("/api/v1/budgets", new
        {
            name = "q1",
            period = "custom",
            start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            end = new DateTime(2030, 4, 1, 0, 0, 0, DateTimeKind.Utc),
            limitUsd = 12.5m,
            action = "soft",
            thresholds = new[] { 80 },
            alertEmails = new[] { "ops@example.test" },
        });
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], new[] { version.StatusCode, label.StatusCode, budget.StatusCode });

        using var export = await admin.GetAsync("/api/v1/config");
        var yaml = await export.Content.ReadAsStringAsync();
        using var preview = await PostYamlAsync(admin, "/api/v1/config/preview", yaml);
        var body = await ControlPlaneFixture.JsonAsync(preview);

        Assert.Contains("Grüße, {{name}}!", yaml, StringComparison.Ordinal);
        Assert.Contains("name: q1", yaml, StringComparison.Ordinal);
        Assert.True(preview.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Empty(body.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task AnotherTenantsSlug_403_AndThatTenantIsUnchanged()
    {
        using var acme = await fixture.SignInAsync("owner");
        var globexVersion = await ConfigVersionAsync("globex");
        var stolen = File("globex", PromptAndBudget).Replace("name: globex Ltd", "name: globex Inc", StringComparison.Ordinal);
        var both = File("acme", "") + File("globex", PromptAndBudget)["version: 1\ntenants:\n".Length..];

        using var preview = await PostYamlAsync(acme, "/api/v1/config/preview", stolen);
        using var apply = await PostYamlAsync(acme, "/api/v1/config/apply", stolen);
        using var mixed = await PostYamlAsync(acme, "/api/v1/config/apply", both);
        using var export = await acme.GetAsync("/api/v1/config");

        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, apply.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mixed.StatusCode);
        Assert.DoesNotContain("globex", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(globexVersion, await ConfigVersionAsync("globex"));
        await using var db = fixture.Db(await fixture.TenantIdAsync("globex"));
        Assert.False(await db.Budgets.AnyAsync(b => b.Name == "monthly"));
    }

    [Fact]
    public async Task FileWithErrors_400_ListingEachErrorWithLineAndColumn_NothingWritten()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var admin = await fixture.SignInAsync("admin", slug);
        var yaml = File(slug, """
                budgets:
                  - name: monthly
                    limitUsd: 10
                    period: fortnight
                    action: downgrade
            """);

        using var response = await PostYamlAsync(admin, "/api/v1/config/apply", yaml);
        using var syntax = await PostYamlAsync(admin, "/api/v1/config/preview", "version: 1\ntenants: [\n");
        var errors = (await ControlPlaneFixture.JsonAsync(response)).GetProperty("errors").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var period = Assert.Single(errors, e => e.GetProperty("message").GetString()!.Contains("fortnight", StringComparison.Ordinal));
        Assert.Equal(8, period.GetProperty("line").GetInt32());
        Assert.StartsWith("config.yaml:8:", period.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(errors, e => e.GetProperty("message").GetString()!.Contains("downgradeTier", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, syntax.StatusCode);
        Assert.True((await ControlPlaneFixture.JsonAsync(syntax)).GetProperty("errors")[0].GetProperty("line").GetInt32() > 0);
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        Assert.False(await db.Budgets.AnyAsync());
    }

    [Fact]
    public async Task ServerEnvironment_IsNotExpanded_PlaintextKeys_AreRefused()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var admin = await fixture.SignInAsync("admin", slug);
        var withVariable = File(slug, "").Replace($"name: {slug} Ltd", "name: ${PATH}", StringComparison.Ordinal);
        var withKey = File(slug, """
                apiKeys:
                  - name: svc
                    key: plt_test_0123456789abcdefghijklmnopqrstuv
            """);

        using var variable = await PostYamlAsync(admin, "/api/v1/config/preview", withVariable);
        using var key = await PostYamlAsync(admin, "/api/v1/config/apply", withKey);

        Assert.Equal(HttpStatusCode.BadRequest, variable.StatusCode);
        Assert.DoesNotContain(Environment.GetEnvironmentVariable("PATH")!, await variable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, key.StatusCode);
    }

    [Fact]
    public async Task AdminFile_MakingSomeoneOwner_403_OwnerMay()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var admin = await fixture.SignInAsync("admin", slug);
        using var owner = await fixture.SignInAsync("owner", slug);
        var yaml = File(slug, $$"""
                members:
                  - { email: viewer@{{slug}}.test, role: owner }
            """);

        using var byAdmin = await PostYamlAsync(admin, "/api/v1/config/apply", yaml);
        var roleAfterAdmin = await RoleAsync(slug, $"viewer@{slug}.test");
        using var byOwner = await PostYamlAsync(owner, "/api/v1/config/apply", yaml);

        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal(TenantRole.Viewer, roleAfterAdmin);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal(TenantRole.Owner, await RoleAsync(slug, $"viewer@{slug}.test"));
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("viewer")]
    public async Task PreviewAndApply_ForbiddenForFinanceAndViewer(string role)
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var client = await fixture.SignInAsync(role, slug);

        using var preview = await PostYamlAsync(client, "/api/v1/config/preview", File(slug, PromptAndBudget));
        using var apply = await PostYamlAsync(client, "/api/v1/config/apply", File(slug, PromptAndBudget));

        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, apply.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        Assert.False(await db.Budgets.AnyAsync());
    }

    /// <param name="sections">Tenant sections, indented four spaces.</param>
    private static string File(string slug, string sections) =>
        $"version: 1\ntenants:\n  - slug: {slug}\n    name: {slug} Ltd\n{sections}\n";

    private static async Task<HttpResponseMessage> PostYamlAsync(HttpClient client, string path, string yaml) =>
        await client.PostAsync(path, new StringContent(yaml, Encoding.UTF8, "text/yaml"));

    private async Task<long> ConfigVersionAsync(string slug)
    {
        await using var db = fixture.Db(null);
        return await db.Tenants.Where(t => t.Slug == slug).Select(t => t.ConfigVersion).SingleAsync();
    }

    private async Task<TenantRole> RoleAsync(string slug, string email)
    {
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        return await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Email })
            .Where(m => m.Email == email).Select(m => m.Role).SingleAsync();
    }
}
