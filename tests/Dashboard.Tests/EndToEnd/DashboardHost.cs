using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.ControlPlane.Commands;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Hosting;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>
/// The real control-plane host (API, dashboard) on Kestrel on a loopback port, over a migrated
/// SQLite file in a temp folder, and one headless Chromium: Debian's <c>/usr/bin/chromium</c>,
/// never a downloaded browser. Each test makes its own tenant (<see cref="CreateTenantAsync"/>)
/// and its own browser context (own cookies).
/// </summary>
public sealed class DashboardHost : IAsyncLifetime
{
    public const string Password = "Passw0rd!Long";
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-tests", "dash-e2e-" + Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Migrate before the host starts: its start-up already reads the Data Protection key table.
        var database = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, DataDirectory = DataDirectory };
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UsePlatformDatabase(database);
        await using (var db = new PlatformDbContextFactory(options.Options, TimeProvider.System).Create(null))
        {
            await db.Database.MigrateAsync();
        }

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:Provider", "Sqlite");
            web.UseSetting("Database:DataDirectory", DataDirectory);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Jobs:Schedule", "false");
        });
        Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await MigrateCommand.RunAsync(Factory.Services, CancellationToken.None);

        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (test.sh does).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox"],
            Headless = true,
        });
    }

    /// <summary>A browser context of its own (cookies, storage) at a desktop or phone size.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
        });

        // The test command runs every test project at once on two cores: a fresh host's first page
        // load has taken over 30 s (Playwright's default) there. Generous limits, not sleeps.
        // Expect(...) assertions keep their own 5 s default, which a create that saves and re-renders
        // has outlasted on CI; they poll, so a longer limit only costs time when a test fails.
        context.SetDefaultNavigationTimeout(120_000);
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return context;
    }

    /// <summary>
    /// A fresh tenant with <c>owner@&lt;slug&gt;.test</c> and <c>viewer@&lt;slug&gt;.test</c>
    /// (password <see cref="Password"/>); <paramref name="sections"/> adds config-as-code YAML under the tenant.
    /// </summary>
    public async Task<string> CreateTenantAsync(string sections = "", string? extraMember = null)
    {
        var slug = "e" + Guid.NewGuid().ToString("N")[..10];
        var extra = extraMember is null ? "" : $"\n      - {{ email: {extraMember}, role: admin, password: \"{Password}\" }}";
        var yaml = $"""
            version: 1
            tenants:
              - slug: {slug}
                name: {slug} Ltd
                members:
                  - {'{'} email: owner@{slug}.test, role: owner, password: "{Password}" {'}'}
                  - {'{'} email: viewer@{slug}.test, role: viewer, password: "{Password}" {'}'}{extra}
            {sections}
            """;
        var parsed = ConfigParser.Parse(yaml, "tenant.yaml", _ => null);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        var applied = await Factory.Services.GetRequiredService<ConfigApplier>()
            .ApplyAsync(parsed.Document!, new ConfigApplyOptions { AllowPlaintextKeys = true });
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        return slug;
    }

    public async Task<PlatformDbContext> TenantDbAsync(string slug)
    {
        Guid tenantId;
        await using (var db = Factory.Services.GetRequiredService<PlatformDbContextFactory>().Create(null))
        {
            tenantId = await db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
        }

        return Factory.Services.GetRequiredService<PlatformDbContextFactory>().Create(tenantId);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardHostCollection : ICollectionFixture<DashboardHost>
{
    public const string Name = "dashboard host";
}
