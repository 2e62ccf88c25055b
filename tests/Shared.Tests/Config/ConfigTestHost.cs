using Microsoft.EntityFrameworkCore;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Hosting;
using Platform.Shared.Tests.Data;

namespace Platform.Shared.Tests.Config;

/// <summary>A fresh migrated database with the applier and exporter over it, one per test.</summary>
internal sealed class ConfigTestHost : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    public ConfigTestHost()
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        builder.UsePlatformDatabase(Database.Options);
        Factory = new PlatformDbContextFactory(builder.Options, TimeProvider.System);
        Applier = new ConfigApplier(Factory, Protector, TimeProvider.System);
        Exporter = new ConfigExporter(Factory);
    }

    public SqliteTestDatabase Database { get; } = new();

    public PlatformDbContextFactory Factory { get; }

    public TestCredentialProtector Protector { get; } = new();

    public ConfigApplier Applier { get; }

    public ConfigExporter Exporter { get; }

    public static string DemoPath { get; } = FindDemo();

    public static ConfigDocument Parse(string yaml, Func<string, string?>? environment = null)
    {
        var result = ConfigParser.Parse(yaml, "test.yaml", environment ?? NoEnvironment);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Document!;
    }

    public static ConfigDocument ParseDemo() => Parse(File.ReadAllText(DemoPath));

    public Task<ConfigApplyResult> ApplyAsync(ConfigDocument document, bool allowPlaintext = true, bool dryRun = false) =>
        Applier.ApplyAsync(document, new ConfigApplyOptions { AllowPlaintextKeys = allowPlaintext, DryRun = dryRun });

    public async Task<ConfigApplyResult> ApplySucceedsAsync(string yaml)
    {
        var result = await ApplyAsync(Parse(yaml));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result;
    }

    public async Task<string> ExportAsync(string slug = "demo") =>
        await Exporter.ExportAsync(slug) ?? throw new InvalidOperationException($"No tenant '{slug}'.");

    public async Task<long> ConfigVersionAsync(string slug = "demo")
    {
        await using var db = Factory.Create(null);
        return await db.Tenants.Where(t => t.Slug == slug).Select(t => t.ConfigVersion).SingleAsync();
    }

    /// <summary>Row counts of every table config-as-code writes, across tenants.</summary>
    public async Task<string> RowCountsAsync()
    {
        await using var db = Factory.Create(null);
        var counts = new[]
        {
            await db.Tenants.CountAsync(),
            await db.Users.CountAsync(),
            await db.Providers.IgnoreQueryFilters().CountAsync(),
            await db.Models.IgnoreQueryFilters().CountAsync(),
            await db.ModelPrices.IgnoreQueryFilters().CountAsync(),
            await db.Tiers.IgnoreQueryFilters().CountAsync(),
            await db.TierModels.IgnoreQueryFilters().CountAsync(),
            await db.FallbackPolicies.IgnoreQueryFilters().CountAsync(),
            await db.Routes.IgnoreQueryFilters().CountAsync(),
            await db.RouteCandidates.IgnoreQueryFilters().CountAsync(),
            await db.Prompts.IgnoreQueryFilters().CountAsync(),
            await db.PromptVersions.IgnoreQueryFilters().CountAsync(),
            await db.PromptLabels.IgnoreQueryFilters().CountAsync(),
            await db.Budgets.IgnoreQueryFilters().CountAsync(),
            await db.ApiKeys.IgnoreQueryFilters().CountAsync(),
            await db.Memberships.IgnoreQueryFilters().CountAsync(),
        };
        return string.Join(",", counts);
    }

    public void Dispose() => Database.Dispose();

    private static string FindDemo()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "config", "demo.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/demo.yaml not found above the test output folder.");
    }
}
