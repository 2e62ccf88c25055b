using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Platform.Simulator;

/// <summary>The simulator on a loopback Kestrel port, for tests, demos and benchmarks in the same process.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private SimulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Scripts = app.Services.GetRequiredService<ScriptRegistry>();
        Stats = app.Services.GetRequiredService<SimulatorStats>();
    }

    /// <summary>e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Per-model scripts; the same registry the <c>/_sim/models</c> control API edits.</summary>
    public ScriptRegistry Scripts { get; }

    /// <summary>Calls per model and per model and outcome.</summary>
    public SimulatorStats Stats { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        // Hung and slow calls are released on shutdown; a short timeout keeps disposal quick regardless.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddSimulator(options);

        var app = builder.Build();
        app.MapSimulator();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>A client for this server with its base address set; the caller disposes it.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
