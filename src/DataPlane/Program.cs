using Platform.DataPlane.Hosting;
using Platform.Shared.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (!StartupGuard.ValidateConfiguration(builder.Configuration, "dataplane"))
{
    return StartupGuard.ConfigurationErrorExitCode;
}

builder.AddDataPlane();
var app = builder.Build();
app.MapDataPlane();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
