using Platform.DataPlane.Providers;
using Platform.DataPlane.Providers.Anthropic;
using Platform.DataPlane.Providers.Gemini;
using Platform.DataPlane.Providers.Http;
using Platform.DataPlane.Providers.OpenAi;
using Platform.Shared.Domain;
using Platform.Simulator;

namespace Platform.DataPlane.Tests.Protocols.Providers;

/// <summary>One real simulator on loopback and the production adapters over one shared client; tests use their own model names.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public const string Credential = "sk-test-credential-0123456789";

    private SimulatorServer? _server;
    private HttpClient? _client;
    private ProviderAdapters? _adapters;

    public SimulatorServer Server => _server ?? throw new InvalidOperationException("Not started.");

    internal ProviderAdapters Adapters => _adapters ?? throw new InvalidOperationException("Not started.");

    internal UpstreamTarget Target(ProviderKind kind, string model) => new(kind, Server.BaseAddress, model, Credential);

    internal IProviderAdapter Adapter(ProviderKind kind) => Adapters.For(kind);

    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync();
        _client = UpstreamHttpClient.CreateClient();
        var http = new UpstreamHttpClient(_client, TimeProvider.System);
        _adapters = new ProviderAdapters(new OpenAiCompatibleAdapter(http), new AnthropicAdapter(http), new GeminiAdapter(http));
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
