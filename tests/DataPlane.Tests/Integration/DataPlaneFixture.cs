using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;
using Platform.Simulator;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// One migrated SQLite file in a temp folder, one upstream simulator on loopback and one data plane
/// host, shared by the integration tests. Each test makes its own tenant and key with
/// <see cref="CreateTenantAsync"/>, so tests never see each other's data or upstream models.
/// </summary>
public sealed class DataPlaneFixture : IAsyncLifetime
{
    /// <summary>Small, so the 413 test is cheap; every other request is far below it.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    private static readonly TimeSpan ServedWithin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FlushedWithin = TimeSpan.FromSeconds(10);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-tests", "dp-it-" + Guid.NewGuid().ToString("N"));

    public SimulatorServer Simulator { get; private set; } = null!;

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    /// <summary>A client of the data plane without credentials; requests add the key.</summary>
    public HttpClient Client { get; private set; } = null!;

    internal ConfigSeeder Seeder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Seeder = new ConfigSeeder(DataDirectory);
        await Seeder.InitializeAsync();
        Simulator = await SimulatorServer.StartAsync();
        Host = DataPlaneHost.Create(DataDirectory, new Dictionary<string, string?>
        {
            ["DataPlane:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Client = Host.CreateClient();
    }

    /// <summary>
    /// Applies <paramref name="body"/> (the tenant's sections, YAML at column 0) as a new tenant and
    /// waits until the data plane serves its key. <c>${SIM}</c>, <c>${KEY}</c>, <c>${KEY2}</c> and
    /// <c>${TAG}</c> are filled in.
    /// </summary>
    public async Task<TestTenant> CreateTenantAsync(string body)
    {
        var tenant = TestTenant.New();
        await ApplyAsync(tenant, body);
        tenant.Id = await Seeder.TenantIdAsync(tenant.Slug);
        await WaitUntilServedAsync(Client, tenant.Key);
        return tenant;
    }

    /// <summary>Applies a new version of the tenant's YAML (the file is authoritative for its sections).</summary>
    public Task ApplyAsync(TestTenant tenant, string body) =>
        Seeder.ApplyAsync(Document(tenant, body), Environment(tenant, Simulator.BaseAddress));

    internal static string Document(TestTenant tenant, string body)
    {
        var indented = string.Join('\n', body.Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
        return $"version: 1\ntenants:\n  - slug: {tenant.Slug}\n    name: {tenant.Slug}\n{indented}\n";
    }

    internal static Func<string, string?> Environment(TestTenant tenant, Uri simulator) => name => name switch
    {
        "SIM" => simulator.ToString().TrimEnd('/'),
        "KEY" => tenant.Key,
        "KEY2" => tenant.Key + "_2",
        "TAG" => tenant.Tag,
        _ => null,
    };

    /// <summary>Polls <c>GET /v1/models</c> with the key until the snapshot has it (bounded).</summary>
    internal static async Task WaitUntilServedAsync(HttpClient client, string key)
    {
        var deadline = DateTime.UtcNow + ServedWithin;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The data plane did not serve the new key within {ServedWithin.TotalSeconds} s (last status {(int)response.StatusCode}).");
            await Task.Delay(50);
        }
    }

    /// <summary>The tenant's usage events with attempts, once at least <paramref name="count"/> are written (bounded poll).</summary>
    public async Task<IReadOnlyList<UsageEvent>> WaitForUsageAsync(TestTenant tenant, int count = 1)
    {
        var deadline = DateTime.UtcNow + FlushedWithin;
        while (true)
        {
            await using (var db = Seeder.CreateContext(tenant.Id))
            {
                var events = await db.UsageEvents.AsNoTracking().Include(e => e.Attempts).ToListAsync();
                if (events.Count >= count)
                {
                    foreach (var usage in events)
                    {
                        usage.Attempts.Sort((a, b) => a.Index.CompareTo(b.Index));
                    }

                    return [.. events.OrderBy(e => e.StartedAt).ThenBy(e => e.Id)];
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {count} usage events were written within {FlushedWithin.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        Seeder.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open elsewhere; the OS cleans the temp folder.
        }
    }
}
