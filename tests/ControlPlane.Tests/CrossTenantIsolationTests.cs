using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>
/// Every tenant-scoped endpoint, found by walking the host's endpoints rather than listed by hand:
/// an endpoint that takes an object id, given another tenant's object, answers 404 and changes
/// nothing; every list leaks none of that tenant's ids. A new endpoint whose object kind has no
/// sample here fails the test until one is added.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class CrossTenantIsolationTests(ControlPlaneFixture fixture)
{
    /// <summary>Outside any tenant by design: operator-only tenant administration, the anonymous invitation acceptance and Stripe's webhook.</summary>
    private static readonly string[] NotTenantScoped = ["/api/v1/tenants", "/api/v1/invitations/accept", "/api/v1/billing/stripe"];

    /// <summary>Valid input for the endpoints whose body or query differs from the object's own view, keyed by method and the pattern after the id.</summary>
    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["PUT /labels/{label}"] = """{"version":1}""",
        ["POST /versions"] = """{"messages":[{"role":"user","content":"Hi"}]}""",
        ["GET /diff"] = "?from=1&to=1",
    };

    [Fact]
    public async Task EveryEndpointTakingAnId_AnotherTenantsObject_404_AndNothingChanges()
    {
        var (other, objects) = await OtherTenantWithOneOfEverythingAsync();
        using var owner = await fixture.SignInAsync("owner");
        var before = await SnapshotAsync(other, objects);

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (method, pattern) in TenantEndpoints().Where(e => e.Pattern.Contains('{', StringComparison.Ordinal)))
        {
            var prefix = pattern[..pattern.IndexOf('{', StringComparison.Ordinal)].TrimEnd('/');
            if (!objects.TryGetValue(prefix, out var id))
            {
                failures.Add($"{method} {pattern}: no sample object of this kind; add one to OtherTenantWithOneOfEverythingAsync");
                continue;
            }

            var rest = pattern[(pattern.IndexOf('}', StringComparison.Ordinal) + 1)..];
            Inputs.TryGetValue($"{method} {rest}", out var input);
            var path = Fill(pattern, id) + (method == "GET" ? input : null);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                // Valid input (by default the other tenant's own representation), so the answer
                // comes from the tenant scope, not from validation.
                request.Content = new StringContent(input ?? before[prefix], Encoding.UTF8, "application/json");
            }

            using var response = await owner.SendAsync(request);
            checkedCount++;
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        var after = await SnapshotAsync(other, objects);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCount >= 30, $"only {checkedCount} endpoints with an id were found");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task EveryListEndpoint_ShowsNoneOfAnotherTenantsIds()
    {
        var (_, objects) = await OtherTenantWithOneOfEverythingAsync();
        using var owner = await fixture.SignInAsync("owner");

        var leaks = new List<string>();
        var lists = TenantEndpoints().Where(e => e.Method == "GET" && !e.Pattern.Contains('{', StringComparison.Ordinal)).ToList();
        foreach (var (_, pattern) in lists)
        {
            using var response = await owner.GetAsync(pattern);
            var body = await response.Content.ReadAsStringAsync();
            leaks.AddRange(objects.Where(o => body.Contains(o.Value.ToString(), StringComparison.OrdinalIgnoreCase)).Select(o => $"{pattern} shows {o.Key} {o.Value}"));
        }

        Assert.True(lists.Count >= 10, $"only {lists.Count} list endpoints were found");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private IEnumerable<(string Method, string Pattern)> TenantEndpoints() =>
        fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal)
                && !e.Pattern.StartsWith("/api/v1/openapi", StringComparison.Ordinal)
                && !e.Pattern.StartsWith("/api/v1/docs", StringComparison.Ordinal)
                && !e.Pattern.StartsWith("/api/v1/session", StringComparison.Ordinal)
                && !NotTenantScoped.Any(p => e.Pattern.StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => e.Methods.Select(m => (m, e.Pattern)))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal);

    /// <summary>The first route parameter is the object's id; later ones get a value that exists for it (label, version).</summary>
    private static string Fill(string pattern, Guid id)
    {
        var path = new StringBuilder();
        var first = true;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '{')
            {
                path.Append(pattern[i]);
                continue;
            }

            var end = pattern.IndexOf('}', i);
            var name = pattern[(i + 1)..end].Split(':')[0];
            path.Append(first ? id.ToString() : name switch { "version" => "1", "label" => "production", _ => "x" });
            first = false;
            i = end;
        }

        return path.ToString();
    }

    /// <summary>A fresh tenant with one object of every kind the API addresses by id, keyed by the endpoint prefix that addresses it.</summary>
    private async Task<(string Slug, Dictionary<string, Guid> Objects)> OtherTenantWithOneOfEverythingAsync()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var owner = await fixture.SignInAsync("owner", slug);
        var (provider, providerId) = await PolicyApi.ProviderAsync(owner);
        var (model, modelId) = await PolicyApi.ModelAsync(owner, provider);
        var (_, tierId) = await PolicyApi.TierAsync(owner, model);
        var (_, policyId) = await PolicyApi.PolicyAsync(owner);
        var (_, routeId) = await PolicyApi.RouteAsync(owner, new { }, model);
        var key = await PolicyApi.CreateAsync(owner, "/api/v1/keys", new { name = PolicyApi.Unique("k") });
        var client = await PolicyApi.CreateAsync(owner, "/api/v1/clients", new { name = PolicyApi.Unique("c"), role = "viewer" });
        var budget = await PolicyApi.CreateAsync(owner, "/api/v1/budgets", new { name = PolicyApi.Unique("b"), limitUsd = 10 });
        var invitation = await PolicyApi.CreateAsync(owner, "/api/v1/invitations", new { email = PolicyApi.Unique("i") + "@example.test", role = "viewer" });
        var prompt = await PolicyApi.CreateAsync(owner, "/api/v1/prompts", new { name = PolicyApi.Unique("pr") });
        var promptId = prompt.GetProperty("id").GetGuid();
        await PolicyApi.CreateAsync(owner, $"/api/v1/prompts/{promptId}/versions", new { messages = new[] { new { role = "user", content = "Hi {{name}}" } } });
        using (var label = await owner.PutAsJsonAsync($"/api/v1/prompts/{promptId}/labels/production", new { version = 1 }))
        {
            Assert.True(label.IsSuccessStatusCode, $"label: {(int)label.StatusCode}");
        }

        var tenantId = await fixture.TenantIdAsync(slug);
        Guid viewerId;
        Guid usageId;
        await using (var db = fixture.Db(tenantId))
        {
            viewerId = await db.Users.Where(u => u.Email == $"viewer@{slug}.test").Select(u => u.Id).SingleAsync();
            var usage = new UsageEvent { Endpoint = "chat", Model = model, Provider = provider, Status = 200, StartedAt = DateTime.UtcNow };
            db.UsageEvents.Add(usage);
            await db.SaveChangesAsync();
            usageId = usage.Id;
        }

        return (slug, new Dictionary<string, Guid>
        {
            ["/api/v1/providers"] = providerId,
            ["/api/v1/models"] = modelId,
            ["/api/v1/tiers"] = tierId,
            ["/api/v1/fallback-policies"] = policyId,
            ["/api/v1/routes"] = routeId,
            ["/api/v1/keys"] = key.GetProperty("key").GetProperty("id").GetGuid(),
            ["/api/v1/clients"] = client.GetProperty("client").GetProperty("id").GetGuid(),
            ["/api/v1/budgets"] = budget.GetProperty("id").GetGuid(),
            ["/api/v1/invitations"] = invitation.GetProperty("invitation").GetProperty("id").GetGuid(),
            ["/api/v1/prompts"] = promptId,
            ["/api/v1/members"] = viewerId,
            ["/api/v1/usage"] = usageId,
        });
    }

    /// <summary>Each sample object as its own tenant sees it: what must not change when another tenant writes at it.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync(string slug, Dictionary<string, Guid> objects)
    {
        using var owner = await fixture.SignInAsync("owner", slug);
        var snapshot = new Dictionary<string, string>();
        foreach (var (prefix, id) in objects)
        {
            // Kinds without a GET by id (API clients) are read from their list.
            using var one = await owner.GetAsync($"{prefix}/{id}");
            using var response = one.StatusCode == HttpStatusCode.NotFound ? await owner.GetAsync(prefix) : null;
            var read = response ?? one;
            var body = await read.Content.ReadAsStringAsync();
            Assert.True(read.StatusCode == HttpStatusCode.OK && body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase), $"{prefix} {id} as its own tenant: {(int)read.StatusCode}");
            snapshot[prefix] = body;
        }

        return snapshot;
    }
}
