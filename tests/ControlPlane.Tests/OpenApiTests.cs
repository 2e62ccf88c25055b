using System.Net;

namespace Platform.ControlPlane.Tests;

/// <summary>The management API describes itself, and the description is browsable without internet access.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class OpenApiTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task OpenApiDocument_ListsTheManagementEndpoints()
    {
        using var client = fixture.NewClient();

        using var response = await client.GetAsync("/api/v1/openapi.json");
        var paths = (await ControlPlaneFixture.JsonAsync(response)).GetProperty("paths");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(paths.TryGetProperty("/api/v1/keys", out _));
        Assert.True(paths.TryGetProperty("/api/v1/usage/export.csv", out _));
        Assert.True(paths.TryGetProperty("/api/v1/session", out _));
    }

    [Fact]
    public async Task Docs_ServeThePageAndItsScriptLocally()
    {
        using var client = fixture.NewClient();

        using var page = await client.GetAsync("/api/v1/docs/");
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"([^\"]+\\.js)\"").Groups[1].Value;
        using var js = await client.GetAsync(new Uri(new Uri("http://localhost/api/v1/docs/"), script));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(html.Contains("openapi.json", StringComparison.Ordinal), html);
        Assert.False(script.StartsWith("http", StringComparison.Ordinal), "the docs page must not load its script from a CDN: " + script);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }
}
