using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ControlPlane.Commands;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Hosting;

namespace Platform.ControlPlane.Tests;

/// <summary>
/// The real control-plane host on a migrated SQLite file in a temp folder, with two tenants
/// (<c>acme</c>, <c>globex</c>), each with an owner, admin, finance and viewer member and one key.
/// Each test signs in with its own client (own cookies).
/// </summary>
public sealed class ControlPlaneFixture : IAsyncLifetime
{
    public const string Password = "Passw0rd!Long";

    private readonly IReadOnlyDictionary<string, string> _settings;

    public ControlPlaneFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A host with extra settings (e.g. <c>Smtp:Host</c>), for a fixture of its own; xunit uses the public constructor.</summary>
    internal ControlPlaneFixture(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-tests", "cp-it-" + Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

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

        Host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:Provider", "Sqlite");
            web.UseSetting("Database:DataDirectory", DataDirectory);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Jobs:Schedule", "false");
            foreach (var (key, value) in _settings)
            {
                web.UseSetting(key, value);
            }
        });
        await MigrateCommand.RunAsync(Host.Services, CancellationToken.None);
        var parsed = ConfigParser.Parse(Seed, "seed.yaml", _ => null);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        var applied = await Host.Services.GetRequiredService<ConfigApplier>()
            .ApplyAsync(parsed.Document!, new ConfigApplyOptions { AllowPlaintextKeys = true });
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
    }

    public HttpClient NewClient() =>
        Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in (cookie) as <c>&lt;role&gt;@&lt;tenant&gt;.test</c>.</summary>
    public async Task<HttpClient> SignInAsync(string role, string tenant = "acme")
    {
        var client = NewClient();
        using var response = await client.PostAsJsonAsync("/api/v1/session", new { email = $"{role}@{tenant}.test", password = Password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {role}@{tenant}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public PlatformDbContext Db(Guid? tenantId) =>
        Host.Services.GetRequiredService<PlatformDbContextFactory>().Create(tenantId);

    public async Task<Guid> TenantIdAsync(string slug)
    {
        await using var db = Db(null);
        return await db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
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

    private static string Seed => "version: 1\ntenants:\n" + Tenant("acme") + Tenant("globex");

    private static string Tenant(string slug) => $"""
          - slug: {slug}
            name: {slug} Inc
            apiKeys:
              - name: app
                key: plt_{slug}_0123456789abcdefghijklmnopqrstuv
            members:
              - {'{'} email: owner@{slug}.test, role: owner, password: "{Password}" {'}'}
              - {'{'} email: admin@{slug}.test, role: admin, password: "{Password}" {'}'}
              - {'{'} email: finance@{slug}.test, role: finance, password: "{Password}" {'}'}
              - {'{'} email: viewer@{slug}.test, role: viewer, password: "{Password}" {'}'}

        """;
}

[CollectionDefinition(Name)]
public sealed class ControlPlaneCollection : ICollectionFixture<ControlPlaneFixture>
{
    public const string Name = "control plane";
}
