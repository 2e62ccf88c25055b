using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Security;
using Platform.Simulator;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/providers: write-only credential stored encrypted, test connection, references, roles, tenant isolation, ETags.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class ProviderEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Create_CredentialNeverReturned_StoredEncrypted_AuditedWithoutIt()
    {
        using var admin = await fixture.SignInAsync("admin");
        var name = PolicyApi.Unique("p");
        var secret = "sk-secret-" + Guid.NewGuid().ToString("N");

        using var created = await admin.PostAsJsonAsync("/api/v1/providers", new { name, kind = "anthropic", baseUrl = "https://api.anthropic.com", credential = secret, region = "eu" });
        var createdText = await created.Content.ReadAsStringAsync();
        var id = (await ControlPlaneFixture.JsonAsync(created)).GetProperty("id").GetGuid();
        using var read = await admin.GetAsync($"/api/v1/providers/{id}");
        var view = await ControlPlaneFixture.JsonAsync(read);
        using var list = await admin.GetAsync($"/api/v1/providers?name={name}");
        var listText = await list.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(view.GetProperty("hasCredential").GetBoolean());
        Assert.False(view.TryGetProperty("credential", out _));
        Assert.Equal("anthropic", view.GetProperty("kind").GetString());
        Assert.DoesNotContain(secret, createdText, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        var row = await db.Providers.SingleAsync(p => p.Id == id);
        Assert.NotNull(row.EncryptedCredential);
        Assert.DoesNotContain(secret, row.EncryptedCredential, StringComparison.Ordinal);
        Assert.Equal(secret, fixture.Host.Services.GetRequiredService<ICredentialProtector>().Unprotect(row.EncryptedCredential));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "create");
        Assert.Equal(("provider", "user:admin@acme.test"), (audit.EntityType, audit.Actor));
        Assert.DoesNotContain(secret, audit.AfterJson!, StringComparison.Ordinal);
        Assert.Contains("\"hasCredential\":true", audit.AfterJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WithoutCredential_KeepsStoredOne_WithCredential_ReplacesIt()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (name, id) = await PolicyApi.ProviderAsync(admin);
        var protector = fixture.Host.Services.GetRequiredService<ICredentialProtector>();
        var tenantId = await fixture.TenantIdAsync("acme");

        using var kept = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", new { name, kind = "openai-compatible", baseUrl = "http://127.0.0.1:9/v1", region = "us" });
        string? afterKeep;
        await using (var db = fixture.Db(tenantId))
        {
            afterKeep = (await db.Providers.SingleAsync(p => p.Id == id)).EncryptedCredential;
        }

        using var replaced = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", new { name, kind = "openai-compatible", baseUrl = "http://127.0.0.1:9/v1", credential = "sk-new" });
        await using var check = fixture.Db(tenantId);
        var row = await check.Providers.SingleAsync(p => p.Id == id);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.True((await ControlPlaneFixture.JsonAsync(kept)).GetProperty("hasCredential").GetBoolean());
        Assert.Equal("sk-" + name, protector.Unprotect(afterKeep!));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("sk-new", protector.Unprotect(row.EncryptedCredential!));
        Assert.Equal(("http://127.0.0.1:9/v1", (string?)null), (row.BaseUrl, row.Region));
    }

    [Theory]
    [InlineData("openai-compatible")]
    [InlineData("anthropic")]
    [InlineData("simulator")]
    public async Task Test_AgainstTheSimulator_OkWithStatus200(string kind)
    {
        await using var simulator = await SimulatorServer.StartAsync();
        using var admin = await fixture.SignInAsync("admin");
        var (_, id) = await PolicyApi.ProviderAsync(admin, kind: kind, baseUrl: simulator.BaseAddress.ToString());

        using var response = await admin.PostAsync($"/api/v1/providers/{id}/test", null);
        var result = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(200, result.GetProperty("status").GetInt32());
        Assert.True(result.GetProperty("latencyMs").GetInt64() >= 0);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Test_AgainstAClosedPort_OkFalseWithAClearError_Not500()
    {
        using var admin = await fixture.SignInAsync("admin");
        var port = ClosedPort();
        var (_, id) = await PolicyApi.ProviderAsync(admin, baseUrl: $"http://127.0.0.1:{port}");

        using var response = await admin.PostAsync($"/api/v1/providers/{id}/test", null);
        var result = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("status").ValueKind);
        Assert.StartsWith($"Cannot reach http://127.0.0.1:{port}", result.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_MetadataServiceAddress_RefusedByTheOutboundPolicy_WithoutConnecting()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (_, id) = await PolicyApi.ProviderAsync(admin, baseUrl: "http://169.254.169.254/latest");

        using var response = await admin.PostAsync($"/api/v1/providers/{id}/test", null);
        var result = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(result.GetProperty("ok").GetBoolean());
        var error = result.GetProperty("error").GetString();
        Assert.StartsWith("Cannot reach http://169.254.169.254: Outbound connections to 169.254.169.254 are not allowed", error, StringComparison.Ordinal);
        Assert.Contains("a link-local address", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_UpstreamAnswers404_OkFalseNamingThePath()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        using var admin = await fixture.SignInAsync("admin");
        var (_, id) = await PolicyApi.ProviderAsync(admin, kind: "gemini", baseUrl: simulator.BaseAddress.ToString());

        using var response = await admin.PostAsync($"/api/v1/providers/{id}/test", null);
        var result = await ControlPlaneFixture.JsonAsync(response);

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Contains("/v1beta/models", result.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(200, result.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OtherTenantsProvider_ReadIs404_WritesAre404_AndTheRowIsUnchanged()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var (name, id) = await PolicyApi.ProviderAsync(globex, region: "us");
        using var acme = await fixture.SignInAsync("owner");

        using var read = await acme.GetAsync($"/api/v1/providers/{id}");
        using var update = await acme.PutAsJsonAsync($"/api/v1/providers/{id}", new { name = "stolen", kind = "gemini", baseUrl = "https://evil.test", credential = "x" });
        using var test = await acme.PostAsync($"/api/v1/providers/{id}/test", null);
        using var delete = await acme.DeleteAsync($"/api/v1/providers/{id}");
        using var list = await acme.GetAsync($"/api/v1/providers?name={name}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, test.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(list)).GetProperty("total").GetInt32());
        await using var db = fixture.Db(await fixture.TenantIdAsync("globex"));
        var row = await db.Providers.SingleAsync(p => p.Id == id);
        Assert.Equal((name, "http://127.0.0.1:9/", "us"), (row.Name, row.BaseUrl, row.Region));
        Assert.Equal("sk-" + name, fixture.Host.Services.GetRequiredService<ICredentialProtector>().Unprotect(row.EncryptedCredential!));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("finance")]
    public async Task Writes_ForbiddenForViewerAndFinance_ReadsAllowed(string role)
    {
        using var admin = await fixture.SignInAsync("admin");
        var (name, id) = await PolicyApi.ProviderAsync(admin);
        using var client = await fixture.SignInAsync(role);

        using var create = await client.PostAsJsonAsync("/api/v1/providers", new { name = PolicyApi.Unique("p"), kind = "gemini", baseUrl = "https://x.test" });
        using var update = await client.PutAsJsonAsync($"/api/v1/providers/{id}", new { name, kind = "gemini", baseUrl = "https://x.test" });
        using var delete = await client.DeleteAsync($"/api/v1/providers/{id}");
        using var test = await client.PostAsync($"/api/v1/providers/{id}/test", null);
        using var list = await client.GetAsync("/api/v1/providers");
        using var read = await client.GetAsync($"/api/v1/providers/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, test.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByKindAndName_UnknownKind400()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (gemini, _) = await PolicyApi.ProviderAsync(admin, kind: "gemini");
        var (openAi, _) = await PolicyApi.ProviderAsync(admin);

        using var geminiList = await admin.GetAsync($"/api/v1/providers?kind=gemini&name={gemini}");
        using var wrongKind = await admin.GetAsync($"/api/v1/providers?kind=gemini&name={openAi}");
        using var page = await admin.GetAsync("/api/v1/providers?pageSize=1&page=1");
        using var unknown = await admin.GetAsync("/api/v1/providers?kind=gemeni");

        var items = (await ControlPlaneFixture.JsonAsync(geminiList)).GetProperty("items");
        Assert.Equal(gemini, Assert.Single(items.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(wrongKind)).GetProperty("total").GetInt32());
        var paged = await ControlPlaneFixture.JsonAsync(page);
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        Assert.True(paged.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Create_InvalidInput_400PerField_NothingWritten()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/providers", new { name = "bad name", kind = "openai", baseUrl = "ftp://x", credential = "" });
        var body = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("openai-compatible", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("baseUrl", out _));
        Assert.True(errors.TryGetProperty("credential", out _));
        await using var db = fixture.Db(await fixture.TenantIdAsync("acme"));
        Assert.False(await db.Providers.AnyAsync(p => p.Name == "bad name"));
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_412_WithCurrentETag_200()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (name, id) = await PolicyApi.ProviderAsync(admin);
        using var read = await admin.GetAsync($"/api/v1/providers/{id}");
        var firstTag = read.Headers.ETag!;
        object Body(string region) => new { name, kind = "openai-compatible", baseUrl = "http://127.0.0.1:9/", region };

        using var first = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/providers/{id}", Body("eu"), firstTag);
        using var stale = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/providers/{id}", Body("us"), firstTag);
        using var staleDelete = await PolicyApi.SendAsync(admin, HttpMethod.Delete, $"/api/v1/providers/{id}", null, firstTag);
        using var fresh = await PolicyApi.SendAsync(admin, HttpMethod.Put, $"/api/v1/providers/{id}", Body("us"), first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(firstTag, first.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("us", (await ControlPlaneFixture.JsonAsync(fresh)).GetProperty("region").GetString());
    }

    [Fact]
    public async Task DeleteOrRename_WhileModelsUseIt_409NamingThem_UnusedDelete204()
    {
        using var admin = await fixture.SignInAsync("admin");
        var (name, id) = await PolicyApi.ProviderAsync(admin);
        var (model, modelId) = await PolicyApi.ModelAsync(admin, name);

        using var delete = await admin.DeleteAsync($"/api/v1/providers/{id}");
        using var rename = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", new { name = name + "x", kind = "openai-compatible", baseUrl = "http://127.0.0.1:9/" });
        var deleteDetail = await PolicyApi.ProblemAsync(delete, HttpStatusCode.Conflict);
        var renameDetail = await PolicyApi.ProblemAsync(rename, HttpStatusCode.Conflict);
        using var modelGone = await admin.DeleteAsync($"/api/v1/models/{modelId}");
        using var deleted = await admin.DeleteAsync($"/api/v1/providers/{id}");
        using var after = await admin.GetAsync($"/api/v1/providers/{id}");

        Assert.Contains(model, deleteDetail, StringComparison.Ordinal);
        Assert.Contains(model, renameDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, modelGone.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Write_BumpsTheTenantsConfigVersion()
    {
        using var admin = await fixture.SignInAsync("admin");
        var before = await PolicyApi.ConfigVersionAsync(fixture, "acme");

        var (name, id) = await PolicyApi.ProviderAsync(admin);
        var afterCreate = await PolicyApi.ConfigVersionAsync(fixture, "acme");
        using var update = await admin.PutAsJsonAsync($"/api/v1/providers/{id}", new { name, kind = "openai-compatible", baseUrl = "http://127.0.0.1:9/", enabled = false });
        var afterUpdate = await PolicyApi.ConfigVersionAsync(fixture, "acme");

        Assert.True(afterCreate > before, $"{afterCreate} > {before}");
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.True(afterUpdate > afterCreate, $"{afterUpdate} > {afterCreate}");
    }

    /// <summary>A loopback port nothing listens on: bound by the OS, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
