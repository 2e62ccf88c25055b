using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.DataPlane.Auth;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>A key's last use reaches the database in the background, and does not count as a policy change.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class KeyLastUsedTests(DataPlaneFixture fixture)
{
    [Fact]
    public async Task UsedKey_LastUsedAtWrittenOnFlush_OtherKeyUntouched_ConfigVersionUnchanged()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard(extraKeys: """
              - name: other
                key: ${KEY2}
            """));
        long versionBefore;
        await using (var db = fixture.Seeder.CreateContext(null))
        {
            versionBefore = await db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.ConfigVersion).SingleAsync();
        }

        var before = DateTime.UtcNow.AddSeconds(-1);
        using (var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("oa/gpt")))
        {
            await Gateway.OkJsonAsync(response);
        }

        var written = await fixture.Host.Services.GetRequiredService<KeyUsageTracker>().FlushAsync(CancellationToken.None);

        Assert.True(written >= 1);
        await using (var db = fixture.Seeder.CreateContext(tenant.Id))
        {
            var keys = await db.ApiKeys.AsNoTracking().ToDictionaryAsync(k => k.Name, k => k.LastUsedAt);
            Assert.NotNull(keys["app"]);
            Assert.InRange(keys["app"]!.Value, before, DateTime.UtcNow.AddSeconds(1));
            Assert.Null(keys["other"]);
        }

        await using (var db = fixture.Seeder.CreateContext(null))
        {
            Assert.Equal(versionBefore, await db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.ConfigVersion).SingleAsync());
        }
    }
}
