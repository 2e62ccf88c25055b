using System.Net;
using Platform.Simulator.Tests.Support;

namespace Platform.Simulator.Tests;

public sealed class ScriptFileTests
{
    [Fact]
    public async Task StartAsync_ScriptFile_InstallsScriptsAtStart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-scripts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {
              // comments and trailing commas are fine in a script file
              "down-model": { "fault": "503" },
              "flaky-model": { "fault": "stream-break", "failFirst": 1, },
            }
            """);
        try
        {
            await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { ScriptFile = path });
            using var client = server.CreateClient();

            var (down, _) = await Api.SendJsonAsync(client, Api.Chat(Wire.OpenAi, "down-model"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
            Assert.Equal(1, server.Scripts.Get("flaky-model")?.FailFirst);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StartAsync_OptionScripts_AreInstalled()
    {
        var options = new SimulatorOptions
        {
            Scripts = new Dictionary<string, ModelScript> { ["m"] = new() { Fault = SimulatorFault.Overloaded } },
        };
        await using var server = await SimulatorServer.StartAsync(options);
        using var client = server.CreateClient();

        var (status, body) = await Api.SendJsonAsync(client, Api.Chat(Wire.Anthropic, "m"));

        Assert.Equal(529, (int)status);
        Assert.Equal("overloaded_error", ErrorShape.Marker(Wire.Anthropic, body));
    }

    [Fact]
    public async Task StartAsync_InvalidScriptFile_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-scripts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "m": { "fault": "meltdown" } }""");
        try
        {
            await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(
                () => SimulatorServer.StartAsync(new SimulatorOptions { ScriptFile = path }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StartAsync_GivenPort_ListensOnLoopbackPort()
    {
        var probe = await SimulatorServer.StartAsync();
        var port = probe.BaseAddress.Port;
        await probe.DisposeAsync();

        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Port = port });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), server.BaseAddress);
    }

    [Fact]
    public async Task DisposeAsync_WithHungCall_AbortsItInsteadOfAnswering()
    {
        var server = await SimulatorServer.StartAsync();
        using var client = server.CreateClient();
        var hung = client.SendAsync(Api.Chat(Wire.OpenAi, "stuck", headers: (SimulatorHeaders.Fault, "hang")));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.Stats.GetCalls("stuck", "hang") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.False(hung.IsCompleted);
        await server.DisposeAsync();

        await Transport.AssertFailsAsync(() => hung);
    }
}
