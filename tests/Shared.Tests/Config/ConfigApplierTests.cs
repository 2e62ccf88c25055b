using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Config;
using Platform.Shared.Domain;
using Platform.Shared.Security;

namespace Platform.Shared.Tests.Config;

public sealed class ConfigApplierTests
{
    private const string DemoKey = "plt_demo_0123456789abcdefghijklmnopqrstuv";

    [Fact]
    public async Task ApplyAsync_SameFileTwice_SecondReportsNoChangesAndKeepsConfigVersion()
    {
        using var host = new ConfigTestHost();
        var document = ConfigTestHost.ParseDemo();

        var first = await host.ApplyAsync(document);
        var version = await host.ConfigVersionAsync();
        var counts = await host.RowCountsAsync();
        var second = await host.ApplyAsync(document);

        Assert.True(first.Applied);
        Assert.Contains("create tenant demo", first.Changes);
        Assert.Contains("create provider demo/sim-openai", first.Changes);
        Assert.Equal(1, version);
        Assert.True(second.Succeeded, string.Join("\n", second.Errors));
        Assert.False(second.HasChanges, string.Join("\n", second.Changes));
        Assert.False(second.Applied);
        Assert.Equal(version, await host.ConfigVersionAsync());
        Assert.Equal(counts, await host.RowCountsAsync());
    }

    [Fact]
    public async Task ApplyAsync_ChangedField_ReportsOldAndNewValue()
    {
        using var host = new ConfigTestHost();
        await host.ApplySucceedsAsync(Yaml.Small);

        var result = await host.ApplySucceedsAsync(Yaml.Small.Replace("contextWindow: 8000", "contextWindow: 16000", StringComparison.Ordinal));

        Assert.Equal(["update model acme/p1/small: contextWindow 8000 -> 16000"], result.Changes);
        Assert.Equal(2, await host.ConfigVersionAsync("acme"));
    }

    [Fact]
    public async Task ApplyAsync_ItemsAbsentFromFile_AreDeletedDependentsFirst()
    {
        using var host = new ConfigTestHost();
        await host.ApplySucceedsAsync(Yaml.Small);
        var smaller = Yaml.Small
            .Replace("      - name: B\n        models: [p1/small]\n", "", StringComparison.Ordinal)
            .Replace("models: [p1/large, p1/small]", "models: [p1/large]", StringComparison.Ordinal)
            .Replace("      - name: p1/small\n        contextWindow: 8000\n        maxOutputTokens: 1000\n        prices: { input: 0.1, output: 0.2 }\n", "", StringComparison.Ordinal);

        var result = await host.ApplySucceedsAsync(smaller);

        Assert.Equal(
            ["update tier acme/A: models [p1/large, p1/small] -> [p1/large]", "delete tier acme/B", "delete model acme/p1/small"],
            result.Changes);
        await using var db = await TenantDbAsync(host, "acme");
        Assert.Equal(["A"], await db.Tiers.Select(t => t.Name).ToListAsync());
        Assert.Equal(["p1/large"], await db.Models.Select(m => m.Name).ToListAsync());
        Assert.Single(await db.TierModels.ToListAsync());
    }

    [Fact]
    public async Task ApplyAsync_PriceChange_WritesPriceHistoryRow()
    {
        using var host = new ConfigTestHost();
        await host.ApplySucceedsAsync(Yaml.Small);

        var result = await host.ApplySucceedsAsync(Yaml.Small.Replace("input: 1,", "input: 1.25,", StringComparison.Ordinal));

        var change = Assert.Single(result.Changes);
        Assert.Equal("update model acme/p1/large: prices.input 1 -> 1.25", change);
        await using var db = await TenantDbAsync(host, "acme");
        var model = await db.Models.SingleAsync(m => m.Name == "p1/large");
        var history = await db.ModelPrices.Where(p => p.ModelId == model.Id).OrderBy(p => p.EffectiveFrom).ToListAsync();
        Assert.Equal([1m, 1.25m], history.Select(p => p.InputPricePerMillion));
        Assert.Equal([0.5m, 0.5m], history.Select(p => p.CachedInputPricePerMillion));
        Assert.Equal(1.25m, model.InputPricePerMillion);
    }

    [Fact]
    public async Task ApplyAsync_Credential_IsStoredEncryptedAndNeverExported()
    {
        using var host = new ConfigTestHost();
        await host.ApplySucceedsAsync(Yaml.Small);

        await using var db = await TenantDbAsync(host, "acme");
        var stored = (await db.Providers.SingleAsync()).EncryptedCredential;
        Assert.NotNull(stored);
        Assert.NotEqual("secret-one", stored);
        Assert.DoesNotContain("secret-one", stored, StringComparison.Ordinal);
        Assert.Equal("secret-one", host.Protector.Unprotect(stored));
        var export = await host.ExportAsync("acme");
        Assert.DoesNotContain("secret-one", export, StringComparison.Ordinal);
        Assert.DoesNotContain("credential:", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ProviderWithoutCredential_KeepsStoredOne()
    {
        using var host = new ConfigTestHost();
        await host.ApplySucceedsAsync(Yaml.Small);

        var result = await host.ApplySucceedsAsync(Yaml.Small.Replace("        credential: secret-one\n", "", StringComparison.Ordinal));
        var rotated = await host.ApplySucceedsAsync(Yaml.Small.Replace("secret-one", "secret-two", StringComparison.Ordinal));

        Assert.False(result.HasChanges);
        Assert.Equal(["update provider acme/p1: credential changed"], rotated.Changes);
        await using var db = await TenantDbAsync(host, "acme");
        Assert.Equal("secret-two", host.Protector.Unprotect((await db.Providers.SingleAsync()).EncryptedCredential!));
    }

    [Fact]
    public async Task ApplyAsync_PlaintextKeyWithoutPermission_IsRefusedWithLineAndWritesNothing()
    {
        using var host = new ConfigTestHost();
        var yaml = File.ReadAllText(ConfigTestHost.DemoPath);
        var before = await host.RowCountsAsync();

        var result = await host.ApplyAsync(ConfigTestHost.Parse(yaml), allowPlaintext: false);

        Assert.False(result.Succeeded);
        Assert.False(result.Applied);
        Assert.Empty(result.Changes);
        Assert.Contains(result.Errors, e => e.Message.Contains("api key 'demo-app' is given in plain text", StringComparison.Ordinal)
            && e.Location.Line == Yaml.Find(yaml, "- name: demo-app").Line);
        Assert.Contains(result.Errors, e => e.Message.Contains("plain-text password", StringComparison.Ordinal));
        Assert.Equal(before, await host.RowCountsAsync());
    }

    [Fact]
    public async Task ApplyAsync_PlaintextKey_StoresOnlyHashAndPrefix()
    {
        using var host = new ConfigTestHost();

        await host.ApplyAsync(ConfigTestHost.ParseDemo());

        await using var db = await TenantDbAsync(host, "demo");
        var key = await db.ApiKeys.SingleAsync();
        Assert.Equal(ApiKeySecret.Hash(DemoKey), key.Hash);
        Assert.Equal(ApiKeySecret.PrefixOf(DemoKey), key.Prefix);
        Assert.NotEqual(DemoKey, key.Prefix);
        Assert.Equal(600, key.RequestsPerMinute);
        Assert.Equal(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), key.ExpiresAt);
    }

    [Fact]
    public async Task ApplyAsync_KeyWithoutSecret_GeneratesOneShownOnce()
    {
        using var host = new ConfigTestHost();
        var yaml = Yaml.Small + "\n    apiKeys:\n      - name: ci\n        requestsPerMinute: 60\n";

        var result = await host.ApplySucceedsAsync(yaml);
        var again = await host.ApplySucceedsAsync(yaml);

        var generated = Assert.Single(result.GeneratedKeys);
        Assert.Equal(("acme", "ci"), (generated.Tenant, generated.Name));
        Assert.StartsWith(ApiKeySecret.Marker, generated.Key, StringComparison.Ordinal);
        Assert.Contains("create api key acme/ci (key generated, shown once)", result.Changes);
        Assert.False(again.HasChanges);
        Assert.Empty(again.GeneratedKeys);
        await using var db = await TenantDbAsync(host, "acme");
        Assert.Equal(ApiKeySecret.Hash(generated.Key), (await db.ApiKeys.SingleAsync()).Hash);
    }

    [Fact]
    public async Task ApplyAsync_ChangedPromptVersion_FailsWithLineAndWritesNothing()
    {
        using var host = new ConfigTestHost();
        var yaml = File.ReadAllText(ConfigTestHost.DemoPath);
        await host.ApplySucceedsAsync(yaml);
        var version = await host.ConfigVersionAsync();
        var counts = await host.RowCountsAsync();
        var edited = yaml
            .Replace("in three short bullet points", "in two short bullet points", StringComparison.Ordinal)
            .Replace("maxOutputTokens: 1024", "maxOutputTokens: 2048", StringComparison.Ordinal);

        var result = await host.ApplyAsync(ConfigTestHost.Parse(edited));

        var error = Assert.Single(result.Errors);
        Assert.Equal(Yaml.Find(edited, "- version: 1").Line, error.Location.Line);
        Assert.Contains("v1 is immutable", error.Message, StringComparison.Ordinal);
        Assert.Contains("(messages)", error.Message, StringComparison.Ordinal);
        Assert.Equal(version, await host.ConfigVersionAsync());
        Assert.Equal(counts, await host.RowCountsAsync());
        await using var db = await TenantDbAsync(host, "demo");
        Assert.Equal(1024, (await db.Models.SingleAsync(m => m.Name == "sim-gemini/gemini-flash-8k")).MaxOutputTokens);
    }

    [Fact]
    public async Task ApplyAsync_NewPromptVersionAndLabelMove_AreReported()
    {
        using var host = new ConfigTestHost();
        var yaml = File.ReadAllText(ConfigTestHost.DemoPath);
        await host.ApplySucceedsAsync(yaml);
        var edited = yaml.Replace("""
                    labels: { production: 1, staging: 2 }
            """, """
                      - version: 3
                        messages: [{ role: user, content: "Summarise briefly: {{ticket}}" }]
                    labels: { production: 2, canary: 3 }
            """, StringComparison.Ordinal);

        var result = await host.ApplySucceedsAsync(edited);

        Assert.Equal(
            [
                "add prompt version demo/support-summary v3",
                "move label demo/support-summary production 1 -> 2",
                "add label demo/support-summary canary -> 3",
                "remove label demo/support-summary staging",
            ],
            result.Changes);
        await using var db = await TenantDbAsync(host, "demo");
        var version3 = await db.PromptVersions.SingleAsync(v => v.Version == 3);
        Assert.Equal("""[{"role":"user","content":"Summarise briefly: {{ticket}}"}]""", version3.MessagesJson);
        Assert.Equal(["ticket"], version3.Variables);
    }

    [Fact]
    public async Task ApplyAsync_LabelOnMissingVersion_IsAnErrorAtTheLabel()
    {
        using var host = new ConfigTestHost();
        var yaml = File.ReadAllText(ConfigTestHost.DemoPath).Replace("staging: 2", "staging: 7", StringComparison.Ordinal);

        var result = await host.ApplyAsync(ConfigTestHost.Parse(yaml));

        var error = Assert.Single(result.Errors);
        Assert.Equal(Yaml.Find(yaml, "staging: 7"), (error.Location.Line, error.Location.Column));
        Assert.Contains("points at version 7", error.Message, StringComparison.Ordinal);
        Assert.Equal("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", await host.RowCountsAsync());
    }

    [Fact]
    public async Task ApplyAsync_DryRun_ListsChangesAndWritesNothing()
    {
        using var host = new ConfigTestHost();

        var result = await host.ApplyAsync(ConfigTestHost.ParseDemo(), dryRun: true);

        Assert.True(result.Succeeded);
        Assert.False(result.Applied);
        Assert.Contains("create model demo/sim-openai/gpt-4o-mini", result.Changes);
        Assert.Equal("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", await host.RowCountsAsync());
    }

    [Fact]
    public async Task ApplyAsync_Member_CreatesIdentityUserWithPasswordAndMembership()
    {
        using var host = new ConfigTestHost();

        var result = await host.ApplyAsync(ConfigTestHost.ParseDemo());

        Assert.Contains("create user admin@demo.local", result.Changes);
        Assert.Contains("add member demo/admin@demo.local as owner", result.Changes);
        await using var db = await TenantDbAsync(host, "demo");
        var user = await db.Users.SingleAsync();
        Assert.Equal(("admin@demo.local", "ADMIN@DEMO.LOCAL", "ADMIN@DEMO.LOCAL"), (user.UserName, user.NormalizedUserName, user.NormalizedEmail));
        Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
        var verdict = new PasswordHasher<PlatformUser>().VerifyHashedPassword(user, user.PasswordHash!, "Demo!Passw0rd");
        Assert.Equal(PasswordVerificationResult.Success, verdict);
        var membership = await db.Memberships.SingleAsync();
        Assert.Equal((user.Id, TenantRole.Owner), (membership.UserId, membership.Role));
    }

    [Fact]
    public async Task ApplyAsync_TwoTenantsSharingAMember_CreatesOneUserAndTwoMemberships()
    {
        using var host = new ConfigTestHost();
        var yaml = """
            version: 1
            tenants:
              - slug: alpha
                name: Alpha
                members: [{ email: Pat@Example.com, role: admin }]
              - slug: beta
                name: Beta
                members: [{ email: pat@example.com, role: viewer }]
            """;

        var result = await host.ApplySucceedsAsync(yaml);
        var again = await host.ApplySucceedsAsync(yaml.Replace("role: viewer", "role: finance", StringComparison.Ordinal));

        Assert.Single(result.Changes, c => c.StartsWith("create user", StringComparison.Ordinal));
        Assert.Equal(["update member beta/pat@example.com: role viewer -> finance"], again.Changes);
        await using var alpha = await TenantDbAsync(host, "alpha");
        await using var beta = await TenantDbAsync(host, "beta");
        var user = await alpha.Users.SingleAsync();
        var inAlpha = await alpha.Memberships.SingleAsync();
        var inBeta = await beta.Memberships.SingleAsync();
        Assert.Equal((user.Id, TenantRole.Admin), (inAlpha.UserId, inAlpha.Role));
        Assert.Equal((user.Id, TenantRole.Finance), (inBeta.UserId, inBeta.Role));
        Assert.Null(user.PasswordHash);
    }

    private static async Task<Platform.Shared.Data.PlatformDbContext> TenantDbAsync(ConfigTestHost host, string slug)
    {
        await using var global = host.Factory.Create(null);
        var tenant = await global.Tenants.SingleAsync(t => t.Slug == slug);
        return host.Factory.Create(tenant.Id);
    }
}
