using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// <c>Outbound:BlockPrivateNetworks</c> reaches the data plane's upstream client: the simulator, on
/// loopback, is then refused before any connection, as a connection error the caller and the record see.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class OutboundAddressTests(DataPlaneFixture fixture) : IDisposable
{
    private readonly HostDataDirectory _data = new("outbound");

    [Fact]
    public async Task Chat_PrivateNetworksBlocked_LoopbackProviderRefused502Connection_AndRecorded()
    {
        var tenant = TestTenant.New();
        using var seeder = new ConfigSeeder(_data.Path);
        await seeder.InitializeAsync();
        await seeder.ApplyAsync(DataPlaneFixture.Document(tenant, TenantYaml.Standard()), DataPlaneFixture.Environment(tenant, fixture.Simulator.BaseAddress));
        tenant.Id = await seeder.TenantIdAsync(tenant.Slug);
        await using var host = DataPlaneHost.Create(_data.Path, new Dictionary<string, string?> { ["Outbound:BlockPrivateNetworks"] = "true" });
        using var client = host.CreateClient();
        await DataPlaneFixture.WaitUntilServedAsync(client, tenant.Key);

        using var response = await Gateway.ChatAsync(client, tenant.Key, Gateway.Chat("oa/gpt"));

        var error = await Gateway.AssertOpenAiErrorAsync(response, 502, "connection");
        Assert.EndsWith("connection failed: refused by the outbound address policy (a loopback address)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var attempts = await WaitForAttemptsAsync(seeder, tenant);
        Assert.All(attempts, a => Assert.Equal("connection", a.ErrorClass));
    }

    private static async Task<List<UsageAttempt>> WaitForAttemptsAsync(ConfigSeeder seeder, TestTenant tenant)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = seeder.CreateContext(tenant.Id);
            var attempts = await db.UsageAttempts.AsNoTracking().ToListAsync();
            if (attempts.Count > 0)
            {
                return attempts;
            }

            Assert.True(DateTime.UtcNow < deadline, "No attempt was recorded.");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _data.Dispose();
}
