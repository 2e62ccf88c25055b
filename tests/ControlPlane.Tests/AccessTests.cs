using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Platform.ControlPlane.Tests;

/// <summary>Sign-in (cookie), lockout, client credentials and authorization code + PKCE, over the real host.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class AccessTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task NoCredentials_ApiAnswers401ProblemDetails_NotARedirect()
    {
        using var client = fixture.NewClient();

        using var response = await client.GetAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await ControlPlaneFixture.JsonAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PasswordSignIn_SessionListsTenants_CookieOpensTheApi()
    {
        using var client = fixture.NewClient();

        using var signIn = await client.PostAsJsonAsync("/api/v1/session", new { email = "admin@acme.test", password = ControlPlaneFixture.Password });
        var session = await ControlPlaneFixture.JsonAsync(signIn);
        using var keys = await client.GetAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("acme", Assert.Single(session.GetProperty("tenants").EnumerateArray()).GetProperty("slug").GetString());
        Assert.Equal(await fixture.TenantIdAsync("acme"), session.GetProperty("currentTenantId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
    }

    [Fact]
    public async Task WrongPassword_401_AndFiveFailuresLockTheAccount()
    {
        using var client = fixture.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/session", new { email = "viewer@globex.test", password = "wrong-password" });
            statuses.Add(response.StatusCode);
        }

        using var rightPassword = await client.PostAsJsonAsync("/api/v1/session", new { email = "viewer@globex.test", password = ControlPlaneFixture.Password });

        Assert.All(statuses.Take(4), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.Locked, statuses[5]);
        Assert.Equal(HttpStatusCode.Locked, rightPassword.StatusCode);
        await using var db = fixture.Db(null);
        var user = await db.Users.SingleAsync(u => u.Email == "viewer@globex.test");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task SignInBody_MissingFields_400WithFieldErrors()
    {
        using var client = fixture.NewClient();

        using var response = await client.PostAsJsonAsync("/api/v1/session", new { email = "" });
        var problem = await ControlPlaneFixture.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task ClientCredentials_TokenCallsTheApiAsItsTenant_RevokedClientIsRefused()
    {
        using var owner = await fixture.SignInAsync("owner");
        using var created = await owner.PostAsJsonAsync("/api/v1/clients", new { name = "ci", role = "admin" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ControlPlaneFixture.JsonAsync(created);
        var clientId = body.GetProperty("client").GetProperty("clientId").GetString()!;
        var secret = body.GetProperty("clientSecret").GetString()!;

        using var robot = fixture.NewClient();
        var token = await TokenAsync(robot, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "api",
        });
        robot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var keys = await robot.GetAsync("/api/v1/keys");
        var list = await ControlPlaneFixture.JsonAsync(keys);
        using var wrongSecret = await robot.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "pcs_wrong",
        }));

        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        var prefixes = list.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("prefix").GetString()!).ToList();
        Assert.Contains("plt_acme_012", prefixes);
        Assert.DoesNotContain(prefixes, p => p.StartsWith("plt_glob", StringComparison.Ordinal));
        Assert.NotEqual(HttpStatusCode.OK, wrongSecret.StatusCode);

        using var revoke = await owner.PostAsync($"/api/v1/clients/{body.GetProperty("client").GetProperty("id").GetGuid()}/revoke", null);
        using var afterRevoke = await robot.GetAsync("/api/v1/keys");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task AdminMayNotCreateAnOwnerClient()
    {
        using var admin = await fixture.SignInAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/clients", new { name = "escalate", role = "owner" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AuthorizationCodeWithPkce_SignedInUserGetsATokenForTheSessionTenant()
    {
        using var user = await fixture.SignInAsync("viewer", "globex");
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var query = "client_id=platform-cli&response_type=code&scope=api&redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1/callback")
            + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=xyz";

        using var authorize = await user.GetAsync("/connect/authorize?" + query);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var location = authorize.Headers.Location!;
        Assert.StartsWith("http://127.0.0.1/callback", location.ToString(), StringComparison.Ordinal);
        var code = System.Web.HttpUtility.ParseQueryString(location.Query)["code"];
        Assert.False(string.IsNullOrEmpty(code));

        using var tool = fixture.NewClient();
        using var noVerifier = await tool.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "platform-cli", ["code"] = code!,
            ["redirect_uri"] = "http://127.0.0.1/callback", ["code_verifier"] = "not-the-verifier-0000000000000000000000000000",
        }));
        Assert.NotEqual(HttpStatusCode.OK, noVerifier.StatusCode);
    }

    [Fact]
    public async Task AuthorizationCodeWithPkce_RightVerifier_TokenReadsTheSessionTenantOnly()
    {
        using var user = await fixture.SignInAsync("viewer", "globex");
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var authorize = await user.GetAsync("/connect/authorize?client_id=platform-cli&response_type=code&scope=api&redirect_uri="
            + Uri.EscapeDataString("http://127.0.0.1/callback") + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        var code = System.Web.HttpUtility.ParseQueryString(authorize.Headers.Location!.Query)["code"]!;

        using var tool = fixture.NewClient();
        var token = await TokenAsync(tool, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "platform-cli", ["code"] = code,
            ["redirect_uri"] = "http://127.0.0.1/callback", ["code_verifier"] = verifier,
        });
        tool.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var keys = await tool.GetAsync("/api/v1/keys");
        var list = await ControlPlaneFixture.JsonAsync(keys);
        using var write = await tool.PostAsJsonAsync("/api/v1/keys", new { name = "viewer-made" });

        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        var prefixes = list.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("prefix").GetString()!).ToList();
        Assert.Contains("plt_globex_0", prefixes);
        Assert.DoesNotContain(prefixes, p => p.StartsWith("plt_acme", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }
}
