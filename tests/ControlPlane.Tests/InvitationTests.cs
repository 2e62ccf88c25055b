using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>
/// /api/v1/invitations with a real SMTP server (maildev): the e-mail and its link, accepting once,
/// expiry, revocation, the invited account versus the signed-in one, who may invite whom.
/// </summary>
[Collection(MailCollection.Name)]
public sealed partial class InvitationTests(MailFixture mail)
{
    private ControlPlaneFixture Fixture => mail.ControlPlane;

    [Fact]
    public async Task Create_EmailArrivesWithLink_TokenOnlyInTheMail_StoredHashed_Audited()
    {
        var slug = await TestTenants.CreateAsync(Fixture);
        var email = NewEmail();
        using var admin = await Fixture.SignInAsync("admin", slug);

        using var response = await admin.PostAsJsonAsync("/api/v1/invitations", new { email, role = "viewer" });
        var body = await ControlPlaneFixture.JsonAsync(response);
        var message = await mail.Mail.WaitForMailToAsync(email);
        var token = TokenIn(message);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(body.GetProperty("emailed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("link").ValueKind);
        Assert.Equal("pending", body.GetProperty("invitation").GetProperty("status").GetString());
        Assert.DoesNotContain(token, body.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{slug} Ltd", message.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains($"{MailFixture.PublicBaseUrl}/invite/{token}", message.GetProperty("html").GetString(), StringComparison.Ordinal);
        await using var db = Fixture.Db(await Fixture.TenantIdAsync(slug));
        var row = await db.Invitations.SingleAsync(i => i.Email == email);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), row.TokenHash);
        Assert.Equal((TenantRole.Viewer, $"user:admin@{slug}.test"), (row.Role, row.InvitedBy));
        Assert.InRange(row.ExpiresAt - row.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "invitation" && a.EntityId == row.Id.ToString());
        Assert.Contains(email, audit.AfterJson!, StringComparison.Ordinal);
        Assert.DoesNotContain(token, audit.AfterJson!, StringComparison.Ordinal);
        Assert.DoesNotContain(row.TokenHash, audit.AfterJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_NewEmail_CreatesUserAndMembershipWithTheRole_SecondAcceptFails()
    {
        var slug = await TestTenants.CreateAsync(Fixture);
        var email = NewEmail();
        using var owner = await Fixture.SignInAsync("owner", slug);
        var token = await InviteAsync(owner, email, "finance");
        using var anonymous = Fixture.NewClient();

        using var accepted = await anonymous.PostAsJsonAsync("/api/v1/invitations/accept", new { token, password = ControlPlaneFixture.Password, displayName = "Fin Ance" });
        var body = await ControlPlaneFixture.JsonAsync(accepted);
        using var again = await anonymous.PostAsJsonAsync("/api/v1/invitations/accept", new { token, password = ControlPlaneFixture.Password });
        using var signIn = await Fixture.NewClient().PostAsJsonAsync("/api/v1/session", new { email, password = ControlPlaneFixture.Password, tenant = slug });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(body.GetProperty("accountCreated").GetBoolean());
        Assert.Equal(("finance", slug), (body.GetProperty("role").GetString(), body.GetProperty("tenant").GetString()));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var userId = await TestUsers.IdAsync(Fixture, email);
        await using var db = Fixture.Db(await Fixture.TenantIdAsync(slug));
        var membership = await db.Memberships.SingleAsync(m => m.UserId == userId);
        Assert.Equal(TenantRole.Finance, membership.Role);
        Assert.NotNull((await db.Invitations.SingleAsync(i => i.Email == email)).AcceptedAt);
        Assert.Equal("Fin Ance", await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync());
        var audit = await db.AuditEntries.Where(a => a.Actor == "user:" + email).Select(a => a.EntityType + ":" + a.Action).ToListAsync();
        Assert.Equal(["invitation:accept", "member:create", "user:create"], audit.Order(StringComparer.Ordinal));
        Assert.All(await db.AuditEntries.Where(a => a.Actor == "user:" + email).ToListAsync(), a =>
        {
            Assert.DoesNotContain(ControlPlaneFixture.Password, a.AfterJson ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(token, a.AfterJson ?? "", StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Accept_WeakPassword_400WithIdentityMessages_NothingCreated()
    {
        var slug = await TestTenants.CreateAsync(Fixture);
        var email = NewEmail();
        using var owner = await Fixture.SignInAsync("owner", slug);
        var token = await InviteAsync(owner, email, "viewer");

        using var response = await Fixture.NewClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token, password = "short1" });
        var errors = (await ControlPlaneFixture.JsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(errors.GetProperty("password").EnumerateArray(), e => e.GetString()!.Contains("at least 10 characters", StringComparison.Ordinal));
        await using var db = Fixture.Db(await Fixture.TenantIdAsync(slug));
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Null((await db.Invitations.SingleAsync(i => i.Email == email)).AcceptedAt);
    }

    [Fact]
    public async Task Accept_ExpiredToken_410_NoUserNoMembership()
    {
        var slug = await TestTenants.CreateAsync(Fixture);
        var email = NewEmail();
        using var owner = await Fixture.SignInAsync("owner", slug);
        var token = await InviteAsync(owner, email, "admin");
        await using (var db = Fixture.Db(await Fixture.TenantIdAsync(slug)))
        {
            var row = await db.Invitations.SingleAsync(i => i.Email == email);
            row.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        using var response = await Fixture.NewClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token, password = ControlPlaneFixture.Password });

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("expired", (await ControlPlaneFixture.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var check = Fixture.Db(null);
        Assert.False(await check.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Accept_ExistingAccount_OnlyWhenSignedInAsThatAccount()
    {
        var slug = await TestTenants.CreateAsync(Fixture);
        var other = await TestTenants.CreateAsync(Fixture);
        var email = $"viewer@{other}.test";
        var userId = await TestUsers.IdAsync(Fixture, email);
        using var owner = await Fixture.SignInAsync("owner", slug);
        var token = await InviteAsync(owner, email, "admin");
        using var someoneElse = await Fixture.SignInAsync("admin", other);
        using var invited = await Fixture.SignInAsync("viewer", other);

        using var anonymous = await Fixture.NewClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token, password = "Another!Passw0rd" });
        using var wrongUser = await someoneElse.PostAsJsonAsync("/api/v1/invitations/accept", new { token });
        await using (var db = Fixture.Db(await Fixture.TenantIdAsync(slug)))
        {
            Assert.False(await db.Memberships.AnyAsync(m => m.UserId == userId));
        }

        using var rightUser = await invited.PostAsJsonAsync("/api/v1/invitations/accept", new { token });
        var body = await ControlPlaneFixture.JsonAsync(rightUser);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightUser.StatusCode);
        Assert.False(body.GetProperty("accountCreated").GetBoolean());
        await using var check = Fixture.Db(await Fixture.TenantIdAsync(slug));
        Assert.Equal(TenantRole.Admin, await check.Memberships.Where(m => m.UserId == userId).Select(m => m.Role).SingleAsync());
    }

    [Theory]
    [InlineData("admin", "owner", HttpStatusCode.Forbidden)]
    [InlineData("admin", "finance", HttpStatusCode.Forbidden)]
    [InlineData("finance", "viewer", HttpStatusCode.Forbidden)]
    [InlineData("viewer", "viewer", HttpStatusCode.Forbidden)]
    [InlineData("owner", "owner", HttpStatusCode.Created)]
    public async Task Create_NobodyInvitesWithMoreRightsThanTheirOwn(string caller, string role, HttpStatusCode expected)
    {
        var slug = await TestTenants.CreateAsync(Fixture);
        var email = NewEmail();
        using var client = await Fixture.SignInAsync(caller, slug);

        using var response = await client.PostAsJsonAsync("/api/v1/invitations", new { email, role });

        Assert.Equal(expected, response.StatusCode);
        await using var db = Fixture.Db(await Fixture.TenantIdAsync(slug));
        Assert.Equal(expected == HttpStatusCode.Created, await db.Invitations.AnyAsync(i => i.Email == email));
    }

    [Fact]
    public async Task Create_ForAnExistingMember_409_NoMail()
    {
        var slug = await TestTenants.CreateAsync(Fixture);
        using var owner = await Fixture.SignInAsync("owner", slug);

        using var response = await owner.PostAsJsonAsync("/api/v1/invitations", new { email = $"VIEWER@{slug}.test", role = "admin" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await mail.Mail.CountMailsToAsync($"viewer@{slug}.test"));
    }

    [Fact]
    public async Task Revoke_PendingInvitation_LinkStopsWorking_OtherTenant404()
    {
        var slug = await TestTenants.CreateAsync(Fixture);
        var other = await TestTenants.CreateAsync(Fixture);
        var email = NewEmail();
        using var admin = await Fixture.SignInAsync("admin", slug);
        using var otherAdmin = await Fixture.SignInAsync("admin", other);
        var token = await InviteAsync(admin, email, "viewer");
        Guid id;
        await using (var db = Fixture.Db(await Fixture.TenantIdAsync(slug)))
        {
            id = await db.Invitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync();
        }

        using var crossTenant = await otherAdmin.DeleteAsync($"/api/v1/invitations/{id}");
        using var listed = await admin.GetAsync("/api/v1/invitations?status=pending");
        using var revoke = await admin.DeleteAsync($"/api/v1/invitations/{id}");
        using var accept = await Fixture.NewClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token, password = ControlPlaneFixture.Password });

        Assert.Equal(HttpStatusCode.NotFound, crossTenant.StatusCode);
        Assert.Contains((await ControlPlaneFixture.JsonAsync(listed)).GetProperty("items").EnumerateArray(), i => i.GetProperty("email").GetString() == email);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        await using var check = Fixture.Db(await Fixture.TenantIdAsync(slug));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "invitation" && a.Action == "revoke" && a.EntityId == id.ToString()));
    }

    private static string NewEmail() => $"invitee-{Guid.NewGuid():N}@example.test";

    private async Task<string> InviteAsync(HttpClient inviter, string email, string role)
    {
        using var response = await inviter.PostAsJsonAsync("/api/v1/invitations", new { email, role });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"invite {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return TokenIn(await mail.Mail.WaitForMailToAsync(email));
    }

    private static string TokenIn(System.Text.Json.JsonElement message)
    {
        var match = Link().Match(message.GetProperty("text").GetString()!);
        Assert.True(match.Success, "no invitation link in the mail text");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"/invite/([A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}
