extern alias DataPlaneHost;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Simulator;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>
/// The dashboard host plus what makes calls to look at: the real data plane (in memory: the test
/// calls it with HttpClient, never the browser) on the same SQLite folder, and the upstream
/// simulator on loopback. Its own collection, so the other end-to-end tests do not pay for a data plane.
/// </summary>
public sealed class UsageHost : IAsyncLifetime
{
    public DashboardHost Dashboard { get; } = new();

    public SimulatorServer Simulator { get; private set; } = null!;

    public WebApplicationFactory<DataPlaneHost::Program> DataPlane { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Dashboard.InitializeAsync();
        Simulator = await SimulatorServer.StartAsync();
        DataPlane = new WebApplicationFactory<DataPlaneHost::Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:Provider", "Sqlite");
            web.UseSetting("Database:DataDirectory", Dashboard.DataDirectory);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        DataPlane.StartServer();
    }

    public async Task DisposeAsync()
    {
        await DataPlane.DisposeAsync();
        await Simulator.DisposeAsync();
        await Dashboard.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UsageHostCollection : ICollectionFixture<UsageHost>
{
    public const string Name = "usage host";
}
