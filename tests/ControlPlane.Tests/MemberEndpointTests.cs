using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>/api/v1/members: who may change or remove whom, the last owner, tenant isolation, ETags, audit.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class MemberEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task List_AnyMember_SeesEmailsRolesAndJoinDates()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        using var viewer = await fixture.SignInAsync("viewer", slug);

        using var response = await viewer.GetAsync("/api/v1/members");
        var body = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, body.GetProperty("total").GetInt32());
        var members = body.GetProperty("items").EnumerateArray()
            .ToDictionary(m => m.GetProperty("email").GetString()!, m => m.GetProperty("role").GetString());
        Assert.Equal("owner", members[$"owner@{slug}.test"]);
        Assert.Equal("finance", members[$"finance@{slug}.test"]);
        Assert.All(body.GetProperty("items").EnumerateArray(), m => Assert.True(m.GetProperty("joinedAt").GetDateTime().Year > 2000));
    }

    [Theory]
    [InlineData("owner", HttpStatusCode.Forbidden)]
    [InlineData("finance", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task ChangeRole_ByAdmin_OnlyRolesAnAdminMayGrant(string role, HttpStatusCode expected)
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var viewerId = await TestUsers.IdAsync(fixture, $"viewer@{slug}.test");
        using var admin = await fixture.SignInAsync("admin", slug);

        using var response = await admin.PutAsJsonAsync($"/api/v1/members/{viewerId}", new { role });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? TenantRole.Admin : TenantRole.Viewer, await RoleAsync(slug, viewerId));
    }

    [Fact]
    public async Task ChangeRole_AdminDemotesOrRemovesOwner_403_OwnerUnchanged()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var ownerId = await TestUsers.IdAsync(fixture, $"owner@{slug}.test");
        using var admin = await fixture.SignInAsync("admin", slug);

        using var demote = await admin.PutAsJsonAsync($"/api/v1/members/{ownerId}", new { role = "viewer" });
        using var remove = await admin.DeleteAsync($"/api/v1/members/{ownerId}");

        Assert.Equal(HttpStatusCode.Forbidden, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(TenantRole.Owner, await RoleAsync(slug, ownerId));
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("viewer")]
    public async Task ChangeRoleAndRemove_FinanceOrViewer_403(string caller)
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var adminId = await TestUsers.IdAsync(fixture, $"admin@{slug}.test");
        using var client = await fixture.SignInAsync(caller, slug);

        using var change = await client.PutAsJsonAsync($"/api/v1/members/{adminId}", new { role = "viewer" });
        using var remove = await client.DeleteAsync($"/api/v1/members/{adminId}");

        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(TenantRole.Admin, await RoleAsync(slug, adminId));
    }

    [Fact]
    public async Task ChangeRole_OwnerPromotesAdmin_200_AuditedWithBeforeAndAfter()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var adminId = await TestUsers.IdAsync(fixture, $"admin@{slug}.test");
        using var owner = await fixture.SignInAsync("owner", slug);

        using var response = await owner.PutAsJsonAsync($"/api/v1/members/{adminId}", new { role = "owner" });
        var body = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("owner", body.GetProperty("role").GetString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(TenantRole.Owner, await RoleAsync(slug, adminId));
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "member" && a.EntityId == adminId.ToString());
        Assert.Equal(("update", $"user:owner@{slug}.test"), (audit.Action, audit.Actor));
        Assert.Contains("\"role\":\"admin\"", audit.BeforeJson!, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"owner\"", audit.AfterJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastOwner_CannotBeDemotedOrRemoved_409WithReason()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var ownerId = await TestUsers.IdAsync(fixture, $"owner@{slug}.test");
        using var owner = await fixture.SignInAsync("owner", slug);

        using var demote = await owner.PutAsJsonAsync($"/api/v1/members/{ownerId}", new { role = "admin" });
        using var remove = await owner.DeleteAsync($"/api/v1/members/{ownerId}");

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Contains("last owner", (await ControlPlaneFixture.JsonAsync(demote)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("last owner", (await ControlPlaneFixture.JsonAsync(remove)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(TenantRole.Owner, await RoleAsync(slug, ownerId));
    }

    [Fact]
    public async Task TwoOwners_OneMayStepDown_ThenTheOtherIsTheLast_409()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var ownerId = await TestUsers.IdAsync(fixture, $"owner@{slug}.test");
        var adminId = await TestUsers.IdAsync(fixture, $"admin@{slug}.test");
        using var owner = await fixture.SignInAsync("owner", slug);
        using var promote = await owner.PutAsJsonAsync($"/api/v1/members/{adminId}", new { role = "owner" });

        using var stepDown = await owner.PutAsJsonAsync($"/api/v1/members/{ownerId}", new { role = "viewer" });
        using var secondOwner = await fixture.SignInAsync("admin", slug);
        using var lastDemote = await secondOwner.PutAsJsonAsync($"/api/v1/members/{adminId}", new { role = "admin" });

        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stepDown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lastDemote.StatusCode);
        Assert.Equal((TenantRole.Viewer, TenantRole.Owner), (await RoleAsync(slug, ownerId), await RoleAsync(slug, adminId)));
    }

    [Fact]
    public async Task OtherTenantsMember_ChangeAndRemoveAre404_AndTheRowIsUnchanged()
    {
        var mine = await TestTenants.CreateAsync(fixture);
        var theirs = await TestTenants.CreateAsync(fixture);
        var theirViewer = await TestUsers.IdAsync(fixture, $"viewer@{theirs}.test");
        using var admin = await fixture.SignInAsync("admin", mine);

        using var read = await admin.GetAsync($"/api/v1/members/{theirViewer}");
        using var change = await admin.PutAsJsonAsync($"/api/v1/members/{theirViewer}", new { role = "admin" });
        using var remove = await admin.DeleteAsync($"/api/v1/members/{theirViewer}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(TenantRole.Viewer, await RoleAsync(theirs, theirViewer));
    }

    [Fact]
    public async Task ChangeRole_WithStaleIfMatch_412_WithCurrentETag_200()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var viewerId = await TestUsers.IdAsync(fixture, $"viewer@{slug}.test");
        using var admin = await fixture.SignInAsync("admin", slug);
        using var read = await admin.GetAsync($"/api/v1/members/{viewerId}");
        var firstTag = read.Headers.ETag!;

        using var first = await SendAsync(admin, HttpMethod.Put, $"/api/v1/members/{viewerId}", new { role = "admin" }, firstTag.Tag);
        using var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/members/{viewerId}", new { role = "viewer" }, firstTag.Tag);
        using var fresh = await SendAsync(admin, HttpMethod.Put, $"/api/v1/members/{viewerId}", new { role = "viewer" }, first.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(TenantRole.Viewer, await RoleAsync(slug, viewerId));
    }

    [Fact]
    public async Task Remove_AdminRemovesViewer_204_ViewerLosesAccess_Audited()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var viewerId = await TestUsers.IdAsync(fixture, $"viewer@{slug}.test");
        using var viewer = await fixture.SignInAsync("viewer", slug);
        using var admin = await fixture.SignInAsync("admin", slug);

        using var remove = await admin.DeleteAsync($"/api/v1/members/{viewerId}");
        using var afterwards = await viewer.GetAsync("/api/v1/members");

        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterwards.StatusCode);
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        Assert.False(await db.Memberships.AnyAsync(m => m.UserId == viewerId));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "member" && a.EntityId == viewerId.ToString());
        Assert.Equal(("delete", (string?)null), (audit.Action, audit.AfterJson));
        Assert.Contains($"viewer@{slug}.test", audit.BeforeJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRole_UnknownRole_400()
    {
        var slug = await TestTenants.CreateAsync(fixture);
        var viewerId = await TestUsers.IdAsync(fixture, $"viewer@{slug}.test");
        using var owner = await fixture.SignInAsync("owner", slug);

        using var response = await owner.PutAsJsonAsync($"/api/v1/members/{viewerId}", new { role = "emperor" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ControlPlaneFixture.JsonAsync(response)).GetProperty("errors").TryGetProperty("role", out _));
    }

    private async Task<TenantRole> RoleAsync(string slug, Guid userId)
    {
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        return await db.Memberships.Where(m => m.UserId == userId).Select(m => m.Role).SingleAsync();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
