using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Security;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/keys: roles, tenant isolation, secret shown once and stored hashed, ETags, validation, audit.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class ApiKeyEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Create_SecretShownOnce_StoredOnlyAsHash_AuditedWithoutSecret()
    {
        using var admin = await fixture.SignInAsync("admin");
        var name = "svc-" + Guid.NewGuid().ToString("N")[..6];

        using var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name, endpoints = new[] { "chat" }, requestsPerMinute = 60 });
        var body = await ControlPlaneFixture.JsonAsync(created);
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("key").GetProperty("id").GetGuid();
        using var read = await admin.GetAsync($"/api/v1/keys/{id}");
        var readText = await read.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith(ApiKeySecret.Marker, secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, readText, StringComparison.Ordinal);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var row = await db.ApiKeys.SingleAsync(k => k.Id == id);
        Assert.Equal(ApiKeySecret.Hash(secret), row.Hash);
        Assert.Equal(60, row.RequestsPerMinute);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "create");
        Assert.Equal("user:admin@acme.test", audit.Actor);
        Assert.DoesNotContain(secret, audit.AfterJson!, StringComparison.Ordinal);
        Assert.Contains(name, audit.AfterJson!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("owner", HttpStatusCode.Created)]
    [InlineData("admin", HttpStatusCode.Created)]
    [InlineData("finance", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task Create_AllowedForOwnerAndAdminOnly(string role, HttpStatusCode expected)
    {
        using var client = await fixture.SignInAsync(role);

        using var response = await client.PostAsJsonAsync("/api/v1/keys", new { name = role + "-" + Guid.NewGuid().ToString("N")[..6] });
        using var list = await client.GetAsync("/api/v1/keys");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task OtherTenantsKey_ReadIs404_WritesAre404_AndTheRowIsUnchanged()
    {
        Guid globexKey;
        await using (var db = fixture.Db(await fixture.TenantIdAsync("globex")))
        {
            globexKey = await db.ApiKeys.Where(k => k.Name == "app").Select(k => k.Id).SingleAsync();
        }

        using var acmeOwner = await fixture.SignInAsync("owner");
        using var read = await acmeOwner.GetAsync($"/api/v1/keys/{globexKey}");
        using var update = await acmeOwner.PutAsJsonAsync($"/api/v1/keys/{globexKey}", new { name = "stolen" });
        using var rotate = await acmeOwner.PostAsync($"/api/v1/keys/{globexKey}/rotate", null);
        using var revoke = await acmeOwner.PostAsync($"/api/v1/keys/{globexKey}/revoke", null);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        await using var check = fixture.Db(await fixture.TenantIdAsync("globex"));
        var row = await check.ApiKeys.SingleAsync(k => k.Id == globexKey);
        Assert.Equal(("app", (DateTime?)null), (row.Name, row.RevokedAt));
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_412_WithCurrentETag_200()
    {
        using var admin = await fixture.SignInAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name = "etag-" + Guid.NewGuid().ToString("N")[..6] });
        var id = (await ControlPlaneFixture.JsonAsync(created)).GetProperty("key").GetProperty("id").GetGuid();
        var firstTag = created.Headers.ETag!;

        using var first = await SendAsync(admin, HttpMethod.Put, $"/api/v1/keys/{id}", new { name = "etag-first-" + id.ToString("N")[..4] }, firstTag);
        using var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/keys/{id}", new { name = "etag-stale-" + id.ToString("N")[..4] }, firstTag);
        using var fresh = await SendAsync(admin, HttpMethod.Put, $"/api/v1/keys/{id}", new { name = "etag-fresh-" + id.ToString("N")[..4] }, first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(firstTag, first.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Create_InvalidInput_400WithErrorsPerField_NothingWritten()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/keys", new { name = "", endpoints = new[] { "chat", "teleport" }, requestsPerMinute = 0 });
        var errors = (await ControlPlaneFixture.JsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("endpoints[1]", out _));
        Assert.True(errors.TryGetProperty("requestsPerMinute", out _));
    }

    [Fact]
    public async Task MalformedJson_400ProblemDetails_Not500()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var response = await admin.PostAsync("/api/v1/keys", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RotateAndRevoke_NewSecretHashStored_RevokedFiltersInList()
    {
        using var admin = await fixture.SignInAsync("admin");
        var name = "rot-" + Guid.NewGuid().ToString("N")[..6];
        using var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name });
        var first = await ControlPlaneFixture.JsonAsync(created);
        var id = first.GetProperty("key").GetProperty("id").GetGuid();

        using var rotated = await admin.PostAsync($"/api/v1/keys/{id}/rotate", null);
        var secret = (await ControlPlaneFixture.JsonAsync(rotated)).GetProperty("secret").GetString()!;
        using var revoked = await admin.PostAsync($"/api/v1/keys/{id}/revoke", null);
        using var revokedList = await admin.GetAsync("/api/v1/keys?status=revoked&name=" + name);
        using var badStatus = await admin.GetAsync("/api/v1/keys?status=sleeping");

        Assert.NotEqual(first.GetProperty("secret").GetString(), secret);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(id, Assert.Single((await ControlPlaneFixture.JsonAsync(revokedList)).GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var row = await db.ApiKeys.SingleAsync(k => k.Id == id);
        Assert.Equal(ApiKeySecret.Hash(secret), row.Hash);
        Assert.NotNull(row.RevokedAt);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, EntityTagHeaderValue ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return client.SendAsync(request);
    }
}
