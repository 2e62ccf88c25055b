using Platform.Shared.Config;

namespace Platform.Shared.Tests.Config;

public sealed class ConfigRoundTripTests
{
    [Fact]
    public async Task ExportAsync_DemoAppliedToFreshDatabase_ExportsIdenticalText()
    {
        using var first = new ConfigTestHost();
        using var second = new ConfigTestHost();
        await first.ApplySucceedsAsync(File.ReadAllText(ConfigTestHost.DemoPath));

        var exported = await first.ExportAsync();
        await second.ApplySucceedsAsync(exported);
        var exportedAgain = await second.ExportAsync();

        Assert.Equal(exported, exportedAgain);
        Assert.Contains("name: sim-openai/gpt-4o-mini", exported, StringComparison.Ordinal);
        Assert.Contains("labels:", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_OwnExport_ChangesNothing()
    {
        using var host = new ConfigTestHost();
        await host.ApplySucceedsAsync(File.ReadAllText(ConfigTestHost.DemoPath));
        var version = await host.ConfigVersionAsync();

        var result = await host.ApplySucceedsAsync(await host.ExportAsync());

        Assert.False(result.HasChanges, string.Join("\n", result.Changes));
        Assert.Equal(version, await host.ConfigVersionAsync());
    }

    [Fact]
    public async Task ExportAsync_Demo_HasNoSecrets()
    {
        using var host = new ConfigTestHost();
        await host.ApplySucceedsAsync(File.ReadAllText(ConfigTestHost.DemoPath));

        var exported = await host.ExportAsync();

        Assert.DoesNotContain("sk-sim-demo", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("plt_demo_", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo!Passw0rd", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("password:", exported, StringComparison.Ordinal);
        Assert.Contains("- name: demo-app", exported, StringComparison.Ordinal);
        Assert.Contains("- email: admin@demo.local", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_UnknownTenant_ReturnsNull()
    {
        using var host = new ConfigTestHost();

        Assert.Null(await host.Exporter.ExportAsync("nobody"));
    }

    [Fact]
    public void Parse_AwkwardStrings_SurviveExportAndParse()
    {
        var strings = new[] { "true", "1.5", "a: b", "  padded", "line one\nline two\n", "quote \" and \\", "${NOT_EXPANDED}", "tab\there", "#hash" };
        var tenant = new TenantConfig
        {
            Slug = "odd",
            Name = "Odd",
            Prompts = [.. strings.Select((s, i) => new PromptConfig
            {
                Name = $"p{i}",
                Description = s.Length == 0 ? null : s,
                Versions = [new PromptVersionConfig { Version = 1, MessagesJson = System.Text.Json.JsonSerializer.Serialize(new[] { new { role = "user", content = s } }) }],
            })],
        };
        var text = YamlTextWriter.Write(ConfigYamlBuilder.Build(new ConfigDocument { Tenants = [tenant] }), []);

        var parsed = ConfigTestHost.Parse(text);

        var prompts = parsed.Tenants[0].Prompts;
        Assert.Equal(strings.Select(s => s.Length == 0 ? null : s), prompts.Select(p => p.Description));
        Assert.Equal(strings, prompts.Select(p => System.Text.Json.JsonDocument.Parse(p.Versions[0].MessagesJson).RootElement[0].GetProperty("content").GetString()));
    }
}
