using Platform.Simulator;

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
