namespace Platform.Simulator.Tests.Support;

/// <summary>One real simulator on a loopback port per test class; tests use their own model names.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private SimulatorServer? _server;
    private HttpClient? _client;

    public SimulatorServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
