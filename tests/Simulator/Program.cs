namespace Platform.Simulator;

/// <summary>
/// Standalone entry point. A named class rather than top-level statements, so test projects that
/// reference both the simulator and a host do not see two global <c>Program</c> types.
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5400");
        }

        // Per-request hosting logs cost more than the simulated call itself under wrk.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSimulator(SimulatorOptions.FromConfiguration(builder.Configuration));

        var app = builder.Build();
        app.MapSimulator();
        app.Run();
    }
}
