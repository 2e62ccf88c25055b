using System.Net;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task StatsEndpoint_MixedOutcomes_CountsPerModelAndOutcome()
    {
        await using var server = await SimulatorServer.StartAsync();
        using var client = server.CreateClient();

        await Api.SendJsonAsync(client, Api.Chat(Wire.OpenAi, "alpha"));
        await Api.SendJsonAsync(client, Api.Chat(Wire.Anthropic, "alpha"));
        await Api.SendJsonAsync(client, Api.Chat(Wire.Gemini, "alpha", headers: (SimulatorHeaders.Fault, "429")));
        await Api.SendJsonAsync(client, Api.Chat(Wire.OpenAi, "beta", headers: (SimulatorHeaders.Fault, "auth")));
        await Api.SendJsonAsync(client, Api.Post("v1/chat/completions", "{not json"));

        using var response = await client.GetAsync("_sim/stats");
        var models = Api.Parse(await response.Content.ReadAsStringAsync()).GetProperty("models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, models.GetProperty("alpha").GetProperty("calls").GetInt64());
        Assert.Equal(2, models.GetProperty("alpha").GetProperty("outcomes").GetProperty("ok").GetInt64());
        Assert.Equal(1, models.GetProperty("alpha").GetProperty("outcomes").GetProperty("429").GetInt64());
        Assert.Equal(1, models.GetProperty("beta").GetProperty("outcomes").GetProperty("auth").GetInt64());
        Assert.Equal(1, models.GetProperty(SimulatorStats.NoModel).GetProperty("outcomes").GetProperty(SimulatorStats.BadRequest).GetInt64());
        Assert.Equal(3, server.Stats.GetCalls("alpha"));
        Assert.Equal(0, server.Stats.GetCalls("gamma"));
    }

    [Fact]
    public async Task StatsEndpoint_Delete_ResetsCounters()
    {
        await using var server = await SimulatorServer.StartAsync();
        using var client = server.CreateClient();
        await Api.SendJsonAsync(client, Api.Chat(Wire.OpenAi, "alpha"));

        using var reset = await client.DeleteAsync("_sim/stats");

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, server.Stats.GetCalls("alpha"));
        Assert.Empty(server.Stats.Snapshot());
    }
}
