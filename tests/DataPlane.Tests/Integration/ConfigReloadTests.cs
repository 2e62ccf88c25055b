using Microsoft.EntityFrameworkCore;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>Policy and key changes reach the running data plane without a restart.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class ConfigReloadTests(DataPlaneFixture fixture)
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    private static string Route(string candidates) => TenantYaml.Standard($"""
        routes:
          - name: main
            candidates: {candidates}
            strategy: priority
        """);

    [Fact]
    public async Task Chat_RouteOrderChangedInYaml_NewFirstCandidateWithinTwoSeconds()
    {
        var tenant = await fixture.CreateTenantAsync(Route("[oa/gpt, an/claude]"));
        using (var before = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main")))
        {
            await Gateway.OkJsonAsync(before);
            Assert.Equal(tenant.Up("gpt"), Gateway.Header(before, "x-platform-model"));
        }

        await fixture.ApplyAsync(tenant, Route("[an/claude, oa/gpt]"));
        var changed = DateTime.UtcNow;

        while (true)
        {
            using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
            await Gateway.OkJsonAsync(response);
            if (Gateway.Header(response, "x-platform-model") == tenant.Up("claude"))
            {
                break;
            }

            Assert.True(DateTime.UtcNow - changed < Promise, $"the new route order was not served within {Promise.TotalSeconds} s");
            await Task.Delay(50);
        }

        using var after = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
        Assert.Equal(tenant.Up("claude"), Gateway.Header(after, "x-platform-model"));
    }

    [Fact]
    public async Task Chat_KeyRevokedInDatabase_401ApiKeyRevoked()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        await using (var db = fixture.Seeder.CreateContext(tenant.Id))
        {
            var key = await db.ApiKeys.SingleAsync(k => k.Name == "app");
            key.RevokedAt = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        var response = await WaitForStatusAsync(tenant.Key, 401);

        await Gateway.AssertOpenAiErrorAsync(response, 401, "api_key_revoked");
        response.Dispose();
    }

    [Fact]
    public async Task Chat_KeyExpiresViaYaml_401ApiKeyExpired()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());

        await fixture.ApplyAsync(tenant, TenantYaml.Providers + "\n" + TenantYaml.Models + """

            apiKeys:
              - name: app
                key: ${KEY}
                expiresAt: 2020-01-01T00:00:00Z
            """);
        var response = await WaitForStatusAsync(tenant.Key, 401);

        await Gateway.AssertOpenAiErrorAsync(response, 401, "api_key_expired");
        response.Dispose();
        using var messages = await Gateway.MessagesAsync(fixture.Client, tenant.Key, Gateway.Messages("oa/gpt"));
        await Gateway.AssertAnthropicErrorAsync(messages, 401, "authentication_error");
    }

    /// <summary>Chat calls until one answers with <paramref name="status"/>, within the reload promise (bounded).</summary>
    private async Task<HttpResponseMessage> WaitForStatusAsync(string key, int status)
    {
        var deadline = DateTime.UtcNow + Promise;
        while (true)
        {
            var response = await Gateway.ChatAsync(fixture.Client, key, Gateway.Chat("oa/gpt"));
            if ((int)response.StatusCode == status)
            {
                return response;
            }

            response.Dispose();
            Assert.True(DateTime.UtcNow < deadline, $"no {status} within {Promise.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
