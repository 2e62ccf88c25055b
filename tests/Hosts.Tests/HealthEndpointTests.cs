extern alias ControlPlaneHost;
extern alias DataPlaneHost;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Hosts.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task DataPlane_MigratedDatabase_HealthAndReadyAre200()
    {
        using var data = new TempDataDirectory();
        await data.MigrateAsync();
        await using var host = Create<DataPlaneHost::Program>(data);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task ControlPlane_MigratedDatabase_HealthAndReadyAre200()
    {
        using var data = new TempDataDirectory();
        await data.MigrateAsync();
        await using var host = Create<ControlPlaneHost::Program>(data);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task DataPlane_UnmigratedDatabase_LiveButNotReady()
    {
        using var data = new TempDataDirectory();
        await using var host = Create<DataPlaneHost::Program>(data);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task ControlPlane_OpenApiDocument_IsServed()
    {
        using var data = new TempDataDirectory();
        await using var host = Create<ControlPlaneHost::Program>(data);
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static WebApplicationFactory<T> Create<T>(TempDataDirectory data)
        where T : class =>
        new WebApplicationFactory<T>().WithWebHostBuilder(web => web.UseSetting("Database:DataDirectory", data.Path));
}
