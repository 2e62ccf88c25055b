using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Platform.ControlPlane.Tests;

/// <summary>Makes providers, models, tiers, policies and routes through the API, each with a fresh name, for the policy endpoint tests.</summary>
internal static class PolicyApi
{
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public static async Task<JsonElement> CreateAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var json = await ControlPlaneFixture.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<(string Name, Guid Id)> ProviderAsync(
        HttpClient client, string? region = null, bool isPrivate = false, string kind = "openai-compatible", string baseUrl = "http://127.0.0.1:9/")
    {
        var name = Unique("p");
        var json = await CreateAsync(client, "/api/v1/providers", new { name, kind, baseUrl, credential = "sk-" + name, region, @private = isPrivate });
        return (name, json.GetProperty("id").GetGuid());
    }

    public static object ModelBody(string name, string? region = null, bool approved = false, decimal input = 1m, decimal output = 2m) => new
    {
        name,
        contextWindow = 128_000,
        maxOutputTokens = 4096,
        capabilities = new[] { "streaming", "tools" },
        prices = new { input, output },
        region,
        approvedForCustomerFacing = approved,
    };

    public static async Task<(string Name, Guid Id)> ModelAsync(HttpClient client, string provider, string? region = null, bool approved = false)
    {
        var name = provider + "/" + Unique("m");
        var json = await CreateAsync(client, "/api/v1/models", ModelBody(name, region, approved));
        return (name, json.GetProperty("id").GetGuid());
    }

    public static async Task<(string Name, Guid Id)> TierAsync(HttpClient client, params string[] models)
    {
        var name = Unique("tier");
        var json = await CreateAsync(client, "/api/v1/tiers", new { name, models = models.Select(m => new { model = m }) });
        return (name, json.GetProperty("id").GetGuid());
    }

    public static async Task<(string Name, Guid Id)> PolicyAsync(HttpClient client)
    {
        var name = Unique("fp");
        var json = await CreateAsync(client, "/api/v1/fallback-policies", new { name });
        return (name, json.GetProperty("id").GetGuid());
    }

    public static async Task<(string Name, Guid Id)> RouteAsync(HttpClient client, object constraints, params string[] candidates)
    {
        var name = Unique("r");
        var json = await CreateAsync(client, "/api/v1/routes", new { name, candidates = candidates.Select(m => new { model = m }), constraints });
        return (name, json.GetProperty("id").GetGuid());
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, EntityTagHeaderValue? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return client.SendAsync(request);
    }

    public static async Task<long> ConfigVersionAsync(ControlPlaneFixture fixture, string slug)
    {
        await using var db = fixture.Db(null);
        return await db.Tenants.Where(t => t.Slug == slug).Select(t => t.ConfigVersion).SingleAsync();
    }

    /// <summary>The messages of one field of a 400 validation problem; fails when the field is not named.</summary>
    public static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await ControlPlaneFixture.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode} {body}");
        var named = body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
        Assert.True(named, $"no error for '{field}': {body}");
        return string.Join(" ", errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
    }

    /// <summary>The detail of a problem with the given status; fails on any other status.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await ControlPlaneFixture.JsonAsync(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
        return body.GetProperty("detail").GetString() ?? "";
    }
}
