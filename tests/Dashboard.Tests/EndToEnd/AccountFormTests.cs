using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>The dashboard's account form posts over real HTTP: redirects, antiforgery, no cookie on failure.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed partial class AccountFormTests(DashboardHost host)
{
    [Fact]
    public async Task DashboardPage_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("/keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fkeys", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task SignInForm_WithoutAntiforgeryToken_400_NoSessionCookie()
    {
        var slug = await host.CreateTenantAsync();
        using var client = NewClient();

        using var response = await client.PostAsync("/account/signin", Form(("email", $"owner@{slug}.test"), ("password", DashboardHost.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(HasSessionCookie(response));
    }

    [Fact]
    public async Task SignInForm_WrongPassword_BackToSignInWithErrorCode_NoSessionCookie()
    {
        var slug = await host.CreateTenantAsync();
        using var client = NewClient();
        var token = await AntiforgeryTokenAsync(client);

        using var response = await client.PostAsync("/account/signin",
            Form(("email", $"owner@{slug}.test"), ("password", "wrong-password"), ("returnUrl", "/keys"), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?error=invalid&ReturnUrl=%2Fkeys", response.Headers.Location?.OriginalString);
        Assert.False(HasSessionCookie(response));
    }

    [Fact]
    public async Task SignInForm_RightPassword_ForeignReturnUrl_RedirectsHomeWithSessionCookie()
    {
        var slug = await host.CreateTenantAsync();
        using var client = NewClient();
        var token = await AntiforgeryTokenAsync(client);

        using var response = await client.PostAsync("/account/signin",
            Form(("email", $"owner@{slug}.test"), ("password", DashboardHost.Password), ("returnUrl", "https://evil.example/"), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.True(HasSessionCookie(response));
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(host.BaseUrl),
        };

    /// <summary>The token the sign-in page embeds in its form (its cookie half stays in the client's cookie jar).</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/login");
        return TokenInput().Match(html).Groups[1].Value is { Length: > 0 } token
            ? WebUtility.HtmlDecode(token)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token:\n" + html);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static bool HasSessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("platform.session=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
