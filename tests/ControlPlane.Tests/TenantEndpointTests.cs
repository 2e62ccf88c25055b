using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>
/// /api/v1/tenants: platform operators only. This fixture has no SMTP server (the embedded
/// default), so the owner's invitation link comes back in the answer.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class TenantEndpointTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Create_ByOperator_NewOwnerEmail_LinkInAnswerWithoutSmtp_AcceptingMakesTheOwner()
    {
        var domain = await TestUsers.CreateOperatorAsync(fixture);
        using var operatorClient = await fixture.SignInAsync("operator", domain);
        var slug = NewSlug();
        var ownerEmail = $"founder-{slug}@example.test";

        using var created = await operatorClient.PostAsJsonAsync("/api/v1/tenants", new { slug, name = "New Co", ownerEmail });
        var body = await ControlPlaneFixture.JsonAsync(created);
        var invitation = body.GetProperty("invitation");
        var link = invitation.GetProperty("link").GetString()!;
        using var accepted = await fixture.NewClient().PostAsJsonAsync("/api/v1/invitations/accept",
            new { token = link[(link.LastIndexOf('/') + 1)..], password = ControlPlaneFixture.Password });
        using var owner = fixture.NewClient();
        using var signIn = await owner.PostAsJsonAsync("/api/v1/session", new { email = ownerEmail, password = ControlPlaneFixture.Password, tenant = slug });
        using var members = await owner.GetAsync("/api/v1/members");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("invited", false), (body.GetProperty("owner").GetString(), invitation.GetProperty("emailed").GetBoolean()));
        Assert.StartsWith("http://127.0.0.1:5200/invite/", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var member = Assert.Single((await ControlPlaneFixture.JsonAsync(members)).GetProperty("items").EnumerateArray());
        Assert.Equal((ownerEmail, "owner"), (member.GetProperty("email").GetString(), member.GetProperty("role").GetString()));
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "tenant");
        Assert.Equal(("create", $"user:operator@{domain}.test"), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task Create_ByOperator_ExistingUser_IsOwnerAtOnce()
    {
        var domain = await TestUsers.CreateOperatorAsync(fixture);
        var existing = await TestTenants.CreateAsync(fixture);
        using var operatorClient = await fixture.SignInAsync("operator", domain);
        var slug = NewSlug();

        using var created = await operatorClient.PostAsJsonAsync("/api/v1/tenants", new { slug, name = "Second Co", ownerEmail = $"VIEWER@{existing}.test" });
        var body = await ControlPlaneFixture.JsonAsync(created);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("member", body.GetProperty("owner").GetString());
        var userId = await TestUsers.IdAsync(fixture, $"viewer@{existing}.test");
        await using var db = fixture.Db(await fixture.TenantIdAsync(slug));
        Assert.Equal(TenantRole.Owner, await db.Memberships.Where(m => m.UserId == userId).Select(m => m.Role).SingleAsync());
        Assert.False(await db.Invitations.AnyAsync());
    }

    [Fact]
    public async Task CreateAndList_TenantOwnerWhoIsNotOperator_403_Anonymous_401()
    {
        var mine = await TestTenants.CreateAsync(fixture);
        using var owner = await fixture.SignInAsync("owner", mine);
        var slug = NewSlug();

        using var create = await owner.PostAsJsonAsync("/api/v1/tenants", new { slug, name = "Nope", ownerEmail = $"owner@{mine}.test" });
        using var list = await owner.GetAsync("/api/v1/tenants");
        using var anonymous = await fixture.NewClient().GetAsync("/api/v1/tenants");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var db = fixture.Db(null);
        Assert.False(await db.Tenants.AnyAsync(t => t.Slug == slug));
    }

    [Fact]
    public async Task List_ByOperator_ShowsEveryTenant()
    {
        var domain = await TestUsers.CreateOperatorAsync(fixture);
        var slug = await TestTenants.CreateAsync(fixture);
        using var operatorClient = await fixture.SignInAsync("operator", domain);

        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            using var response = await operatorClient.GetAsync($"/api/v1/tenants?page={page}&pageSize=200");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await ControlPlaneFixture.JsonAsync(response);
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("slug").GetString()!));
            if (seen.Count >= body.GetProperty("total").GetInt32())
            {
                break;
            }
        }

        Assert.Contains("acme", seen);
        Assert.Contains("globex", seen);
        Assert.Contains(slug, seen);
    }

    [Fact]
    public async Task Create_DuplicateSlug_409_InvalidInput_400()
    {
        var domain = await TestUsers.CreateOperatorAsync(fixture);
        using var operatorClient = await fixture.SignInAsync("operator", domain);

        using var duplicate = await operatorClient.PostAsJsonAsync("/api/v1/tenants", new { slug = "acme", name = "Acme again", ownerEmail = "someone@example.test" });
        using var invalid = await operatorClient.PostAsJsonAsync("/api/v1/tenants", new { slug = "Not A Slug", name = "", ownerEmail = "nobody" });
        var errors = (await ControlPlaneFixture.JsonAsync(invalid)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True(errors.TryGetProperty("slug", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("ownerEmail", out _));
    }

    private static string NewSlug() => "new-" + Guid.NewGuid().ToString("N")[..10];
}
