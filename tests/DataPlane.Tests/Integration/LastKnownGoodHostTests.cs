using Microsoft.Data.Sqlite;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// A restarted data plane whose database is unreachable still serves from the snapshot and the
/// Data Protection keys the previous process left in the data directory.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class LastKnownGoodHostTests(DataPlaneFixture fixture) : IDisposable
{
    private readonly HostDataDirectory _data = new("lkg");

    [Fact]
    public async Task Chat_RestartWithDatabaseUnreachable_ServedFromLastKnownGoodSnapshot()
    {
        var tenant = TestTenant.New();
        using (var seeder = new ConfigSeeder(_data.Path))
        {
            await seeder.InitializeAsync();
            await seeder.ApplyAsync(DataPlaneFixture.Document(tenant, TenantYaml.Standard()), DataPlaneFixture.Environment(tenant, fixture.Simulator.BaseAddress));
        }

        await using (var first = DataPlaneHost.Create(_data.Path))
        {
            using var client = first.CreateClient();
            await DataPlaneFixture.WaitUntilServedAsync(client, tenant.Key);
            using var response = await Gateway.ChatAsync(client, tenant.Key, Gateway.Chat("an/claude"));
            await Gateway.OkJsonAsync(response);
        }

        Assert.True(File.Exists(Path.Combine(_data.Path, "snapshots", "policy.json")));
        SqliteConnection.ClearAllPools();
        var notADatabase = Path.Combine(_data.Path, "not-a-database.db");
        await File.WriteAllTextAsync(notADatabase, string.Concat(Enumerable.Repeat("this is not a SQLite database. ", 200)));

        await using var second = DataPlaneHost.Create(_data.Path, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={notADatabase};Default Timeout=2",
        });
        using var secondClient = second.CreateClient();
        using var chat = await Gateway.ChatAsync(secondClient, tenant.Key, Gateway.Chat("an/claude"));
        using var messages = await Gateway.MessagesAsync(secondClient, tenant.Key, Gateway.Messages("oa/gpt", stream: true));
        using var wrongKey = await Gateway.ChatAsync(secondClient, tenant.Key + "x", Gateway.Chat("an/claude"));

        var body = await Gateway.OkJsonAsync(chat);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()));
        Assert.Equal(tenant.Up("claude"), Gateway.Header(chat, "x-platform-model"));
        var events = (await SseStream.ReadAsync(messages)).AnthropicEvents();
        Assert.Equal("message_stop", events[^1].Name);
        await Gateway.AssertOpenAiErrorAsync(wrongKey, 401, "invalid_api_key");
    }

    public void Dispose() => _data.Dispose();
}
