using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.ControlPlane.Tests;

/// <summary>GET /api/v1/audit: owners and admins only, the caller's tenant only, filters, before/after as JSON objects.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class AuditEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task List_ShowsBeforeAndAfterAsObjects_NewestFirst_FilteredByEntity()
    {
        using var admin = await fixture.SignInAsync("admin");
        var id = await CreateBudgetAsync(admin, 100);
        using var read = await admin.GetAsync($"/api/v1/budgets/{id}");
        var budget = await ControlPlaneFixture.JsonAsync(read);
        using var update = await admin.PutAsJsonAsync($"/api/v1/budgets/{id}", new { name = budget.GetProperty("name").GetString(), limitUsd = 250 });

        using var response = await admin.GetAsync($"/api/v1/audit?entityType=budget&entityId={id}");
        var page = await ControlPlaneFixture.JsonAsync(response);
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(["update", "create"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Object, items[0].GetProperty("before").ValueKind);
        Assert.Equal(100m, items[0].GetProperty("before").GetProperty("limitUsd").GetDecimal());
        Assert.Equal(250m, items[0].GetProperty("after").GetProperty("limitUsd").GetDecimal());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("before").ValueKind);
        Assert.Equal("user:admin@acme.test", items[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task List_FiltersByActorActionAndTime()
    {
        using var owner = await fixture.SignInAsync("owner");
        var id = await CreateBudgetAsync(owner, 5);
        var future = DateTime.UtcNow.AddDays(1).ToString("O");

        using var byOwner = await owner.GetAsync($"/api/v1/audit?entityId={id}&actor=owner@acme.test&action=create");
        using var byAdmin = await owner.GetAsync($"/api/v1/audit?entityId={id}&actor=admin@acme.test");
        using var later = await owner.GetAsync($"/api/v1/audit?entityId={id}&from={Uri.EscapeDataString(future)}");
        using var earlier = await owner.GetAsync($"/api/v1/audit?entityId={id}&to={Uri.EscapeDataString(future)}");

        Assert.Equal(1, (await ControlPlaneFixture.JsonAsync(byOwner)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(byAdmin)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(later)).GetProperty("total").GetInt32());
        Assert.Equal(1, (await ControlPlaneFixture.JsonAsync(earlier)).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("owner", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("finance", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task List_ReadableByOwnerAndAdminOnly(string role, HttpStatusCode expected)
    {
        using var client = await fixture.SignInAsync(role);

        using var response = await client.GetAsync("/api/v1/audit");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task OtherTenantsEntries_AreNotListed()
    {
        using var globex = await fixture.SignInAsync("admin", "globex");
        var id = await CreateBudgetAsync(globex, 7);
        using var acme = await fixture.SignInAsync("owner");

        using var byId = await acme.GetAsync($"/api/v1/audit?entityId={id}");
        using var byActor = await acme.GetAsync("/api/v1/audit?actor=globex.test");
        using var own = await globex.GetAsync($"/api/v1/audit?entityId={id}");

        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(byId)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ControlPlaneFixture.JsonAsync(byActor)).GetProperty("total").GetInt32());
        Assert.Equal(1, (await ControlPlaneFixture.JsonAsync(own)).GetProperty("total").GetInt32());
    }

    private static async Task<Guid> CreateBudgetAsync(HttpClient client, decimal limitUsd)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/budgets", new { name = "a-" + Guid.NewGuid().ToString("N")[..8], limitUsd });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await ControlPlaneFixture.JsonAsync(created)).GetProperty("id").GetGuid();
    }
}
